import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlaceContent } from '../places/place';
import { newId } from '../records/ids';
import { Id } from '../records/record';
import {
	buildPackage,
	PACKAGE_FORMAT,
	parsePackage,
	refsFrom,
	type PackageRecord,
	type TableSpec
} from './package';

const NoteContent = z.object({
	text: z.string().max(1000),
	participantIds: z.array(Id).default([]),
	placeIds: z.array(Id).default([])
});
const ParticipantContent = z.object({ pseudonym: z.string().max(20) });

const tables: Record<string, TableSpec> = {
	places: { content: PlaceContent, version: 1, refs: refsFrom({ mergedInto: 'places' }) },
	participants: { content: ParticipantContent, version: 1 },
	notes: {
		content: NoteContent,
		version: 2,
		// Version 1 called the text `body`.
		upgrade: (c, from) => (from < 2 ? { ...(c as object), text: (c as { body: string }).body } : c),
		refs: refsFrom({ participantIds: 'participants', placeIds: 'places' })
	}
};

const meta = (over: Partial<PackageRecord> = {}) => ({
	id: newId(),
	createdAt: 1,
	updatedAt: 2,
	deletedAt: null,
	authorId: 'anna',
	deviceId: 'A',
	rev: { A: 1 },
	v: 1,
	...over
});
const place = (over: object = {}) => ({ ...meta(), name: 'Trappen', ...over });
const participant = { ...meta(), pseudonym: 'VB-014' };
const note = (over: object = {}) => ({ ...meta({ v: 2 }), text: 'hej', ...over });

const made = { authorId: 'anna', displayName: 'Anna K', deviceId: 'A' };
const pkg = (records: Record<string, unknown[]>, over: object = {}) => ({
	...buildPackage({ madeBy: made, madeAt: 10, appVersion: '0.1.0', records: records as never }),
	...over
});
const nothingKnown = () => false;
const parse = (value: unknown, known: (table: string, id: string) => boolean = nothingKnown) => {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return parsePackage(text, text.length, tables, known);
};

describe('team package', () => {
	it('reads back what it wrote, with who and which device made it', () => {
		const p = place({ aliases: ['Stairs'] });
		const r = parse(
			pkg({
				places: [p],
				participants: [participant],
				notes: [note({ participantIds: [participant.id], placeIds: [p.id] })]
			})
		);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.header).toMatchObject({
			format: PACKAGE_FORMAT,
			formatVersion: 1,
			madeAt: 10,
			madeBy: made,
			tables: ['places', 'participants', 'notes']
		});
		expect(r.records.places![0]).toMatchObject({
			id: p.id,
			rev: { A: 1 },
			name: 'Trappen',
			aliases: ['Stairs'],
			v: 1
		});
		expect(r.records.notes![0]).toMatchObject({ text: 'hej', participantIds: [participant.id] });
	});

	it('names what is wrong with a file that is not a package', () => {
		expect(parse('{"format": "stedsans-team-pack')).toMatchObject({
			ok: false,
			problem: { kind: 'not-json' }
		});
		expect(parse({ hello: 1 })).toMatchObject({ problem: { kind: 'not-package' } });
		expect(parse([1, 2])).toMatchObject({ problem: { kind: 'not-package' } });
		expect(parse({ ...pkg({}), format: 'stedsans-backup' })).toMatchObject({
			problem: { kind: 'not-package' }
		});
		expect(parsePackage('{}', 300 * 1024 * 1024, tables, nothingKnown)).toMatchObject({
			problem: { kind: 'too-large' }
		});
	});

	it('refuses a package from a future version', () => {
		expect(parse(pkg({}, { formatVersion: 2 }))).toMatchObject({
			problem: { kind: 'future-version', version: 2 }
		});
		expect(parse(pkg({}, { formatVersion: '1' }))).toMatchObject({
			problem: { kind: 'invalid', path: 'formatVersion' }
		});
	});

	it('refuses a record written by a newer version of the app', () => {
		expect(parse(pkg({ notes: [note({ v: 3 })] }))).toMatchObject({
			problem: { kind: 'future-record-version', path: 'records.notes[0]', version: 3 }
		});
	});

	it('brings records of an older content version up to date', () => {
		const old = { ...meta({ v: 1 }), body: 'gammel' };
		const r = parse(pkg({ notes: [old] }));
		expect(r.ok && r.records.notes![0]).toMatchObject({ text: 'gammel', v: 2 });
	});

	it('gives the path and message of an invalid record', () => {
		expect(parse(pkg({ places: [place(), place({ category: 'castle' })] }))).toMatchObject({
			problem: { kind: 'invalid', path: 'records.places[1].category' }
		});
		const noRev: Record<string, unknown> = place();
		delete noRev.rev;
		expect(parse(pkg({ places: [noRev] }))).toMatchObject({
			problem: { kind: 'invalid', path: 'records.places[0].rev' }
		});
		expect(parse(pkg({ places: [place({ id: 'not-an-id' })] }))).toMatchObject({
			problem: { kind: 'invalid', path: 'records.places[0].id' }
		});
	});

	it('keeps HTML in names as text but rejects over-long names', () => {
		const html = '<script>alert("x")</script><b>Mekka</b>';
		const r = parse(pkg({ places: [place({ name: html })] }));
		expect(r.ok && r.records.places![0]!.name).toBe(html);
		expect(parse(pkg({ places: [place({ name: 'x'.repeat(10_000) })] }))).toMatchObject({
			problem: { kind: 'too-long', path: 'records.places[0].name', maximum: 200 }
		});
		expect(parse(pkg({}, { madeBy: { ...made, displayName: 'y'.repeat(10_000) } }))).toMatchObject({
			problem: { kind: 'too-long', path: 'madeBy.displayName' }
		});
	});

	it('refuses tables it does not know and tables the header does not list', () => {
		expect(parse(pkg({ secrets: [] }))).toMatchObject({
			problem: { kind: 'unknown-table', table: 'secrets' }
		});
		expect(parse(pkg({ places: [place()] }, { tables: [] }))).toMatchObject({
			problem: { kind: 'invalid', path: 'tables' }
		});
	});

	it('calls __proto__ and constructor unknown tables, listed or not, without a TypeError', () => {
		for (const table of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
			// JSON.stringify of an object literal would drop "__proto__": the text is spelled out.
			const text = JSON.stringify(pkg({ places: [] }, { tables: ['places', table] })).replace(
				'"records":{',
				`"records":{"${table}":[${JSON.stringify(place())}],`
			);
			expect(parsePackage(text, text.length, tables, nothingKnown)).toEqual({
				ok: false,
				problem: { kind: 'unknown-table', table }
			});
			// Listed in the header but holding no records: left out, not looked up.
			const listedOnly = JSON.stringify(pkg({ places: [] }, { tables: ['places', table] }));
			const r = parsePackage(listedOnly, listedOnly.length, tables, nothingKnown);
			expect(r.ok && Object.keys(r.records)).toEqual(['places']);
		}
	});

	it('refuses the same id twice in a table', () => {
		const p = place();
		expect(parse(pkg({ places: [p, { ...p, name: 'Andet' }] }))).toMatchObject({
			problem: { kind: 'duplicate-id', path: 'records.places[1]', id: p.id }
		});
	});

	it('refuses references to records neither in the package nor known here', () => {
		const ghost = newId();
		const r = parse(pkg({ notes: [note({ participantIds: [ghost], placeIds: [newId()] })] }));
		expect(r).toMatchObject({
			ok: false,
			problem: {
				kind: 'unknown-reference',
				path: 'records.notes[0].participantIds[0]',
				table: 'participants',
				id: ghost,
				count: 2
			}
		});
	});

	it('accepts references to records in the package or known here, and ignores them in tombstones', () => {
		const known = newId();
		const target = place();
		const merged = place({ mergedInto: target.id });
		const ok = parse(
			pkg({
				places: [merged, target],
				notes: [note({ participantIds: [known], placeIds: [target.id] })]
			}),
			(table, id) => table === 'participants' && id === known
		);
		expect(ok.ok).toBe(true);
		const tombstone = note({ deletedAt: 5, participantIds: [newId()] });
		expect(parse(pkg({ notes: [tombstone] })).ok).toBe(true);
	});
});
