import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from '../records/ids';
import { BACKUP_FORMAT, backupWorkspace, decide, parseBackup, type BackupRecord } from './index';

const tables = { things: z.object({ name: z.string() }) };
const record = (over: object = {}) => ({
	id: newId(),
	createdAt: 1,
	updatedAt: 2,
	deletedAt: null,
	authorId: 'a',
	deviceId: 'd',
	v: 1,
	name: 'x',
	...over
});
const file = (over: object = {}) => ({
	format: BACKUP_FORMAT,
	formatVersion: 1,
	exportedAt: 5,
	app: { version: '0.1.0' },
	workspace: { kind: 'main', deviceId: 'd', authorId: 'a' },
	records: { things: [record()] },
	...over
});
const parse = (v: unknown) => {
	const text = typeof v === 'string' ? v : JSON.stringify(v);
	return parseBackup(text, text.length, tables);
};

describe('backup format', () => {
	it('accepts a valid file', () => {
		const r = parse(file());
		expect(r.ok && r.records.things).toHaveLength(1);
	});
	it('calls __proto__ and constructor unknown tables, without a TypeError', () => {
		for (const table of ['__proto__', 'constructor', 'toString']) {
			const text = JSON.stringify(file()).replace('"records":{', `"records":{"${table}":[],`);
			expect(parse(text)).toEqual({ ok: false, problem: { kind: 'unknown-table', table } });
		}
	});
	it('names the first problem', () => {
		expect(parse('{"format": "stedsans-backup", "formatVer')).toMatchObject({
			problem: { kind: 'not-json' }
		});
		expect(parse({ hello: 1 })).toMatchObject({ problem: { kind: 'not-backup' } });
		expect(parse(file({ formatVersion: 99 }))).toMatchObject({
			problem: { kind: 'future-version', version: 99 }
		});
		expect(parse(file({ records: { things: [record(), record({ name: 4 })] } }))).toMatchObject({
			problem: { kind: 'invalid', path: 'records.things[1].name' }
		});
		expect(parse(file({ records: { unknown: [] } }))).toMatchObject({
			problem: { kind: 'unknown-table', table: 'unknown' }
		});
		expect(parseBackup('{}', 201 * 1024 * 1024, tables)).toMatchObject({
			problem: { kind: 'too-large' }
		});
	});
	it('reads an older file that lacks a table', () => {
		const r = parse(file({ records: {} }));
		expect(r.ok && r.records.things).toEqual([]);
	});
});

describe('merge by id', () => {
	const m = record() as never as Parameters<typeof decide>[0];
	it('adds unknown records, newer wins, ties change nothing', () => {
		expect(decide(m, undefined)).toBe('add');
		expect(decide({ ...m, updatedAt: 9 }, { updatedAt: 2 })).toBe('update');
		expect(decide(m, { updatedAt: 9 })).toBe('keep-local');
		expect(decide(m, { updatedAt: 2 })).toBe('same');
	});
});

describe('which workspace a backup is from', () => {
	const header = (kind: 'main' | 'demo') => ({ workspace: { kind, deviceId: 'd', authorId: 'a' } });
	it('is the header’s, or the demo when its settings say so (a header edited by hand)', () => {
		expect(backupWorkspace(header('demo'), {})).toBe('demo');
		expect(
			backupWorkspace(header('main'), {
				settings: [record({ demo: false }) as unknown as BackupRecord]
			})
		).toBe('main');
		expect(
			backupWorkspace(header('main'), {
				settings: [record({ demo: true }) as unknown as BackupRecord]
			})
		).toBe('demo');
	});
});
