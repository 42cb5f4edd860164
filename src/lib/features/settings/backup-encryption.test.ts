import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHEAP_KDF } from '$lib/testing/crypto';
import { RECORD_TABLES } from '$lib/db/db';
import { notesRepo } from '$lib/db/notes.repo';
import { getSettings, updateSettings } from '$lib/db/settings.repo';
import { dropWorkspace, freshWorkspace } from '$lib/testing/workspace';
import { closeWorkspace, db, openWorkspace } from '$lib/db/workspace';
import { textToDoc } from '$lib/domain/notes/doc';
import { buildBackup, restoreBackup, sealBackup } from './backup.service';
import {
	PlaintextNotConfirmedError,
	WeakPassphraseError
} from '$lib/features/export/export-protection.service';

const PASS = 'tabby cruelty rotunda unlatch';
const options = { kdf: CHEAP_KDF };
const MARKER = 'Ravnekrogen-markør';

let name = '';
let other = '';
beforeEach(async () => {
	name = await freshWorkspace();
	other = `${name}-other`;
});
afterEach(async () => {
	closeWorkspace();
	await dropWorkspace(name);
	await dropWorkspace(other);
});

/** Every row of every table, to prove that nothing was written. */
const snapshot = async () => {
	const out: Record<string, unknown[]> = {};
	for (const t of RECORD_TABLES) out[t] = await db().recordTable(t).orderBy('id').toArray();
	return out;
};

async function fill() {
	await notesRepo.create({ observedAt: 5, doc: textToDoc(MARKER), text: MARKER });
	await updateSettings({ forbiddenNames: ['Søren Ravn'], teamPackageKey: null });
}

describe('an encrypted backup', () => {
	it('holds nothing readable, and brings every record back with the passphrase', async () => {
		await fill();
		const file = await sealBackup(
			await buildBackup(),
			{ kind: 'passphrase', passphrase: PASS },
			options
		);
		expect(file).toMatchObject({ encrypted: true });
		expect(file.filename).toMatch(/^stedsans-backup-\d{4}-\d{2}-\d{2}\.stedsans$/);
		expect(file.text).not.toContain(MARKER);
		expect(file.text).not.toContain('Søren');
		expect(JSON.parse(file.text)).toMatchObject({ format: 'stedsans-envelope', kind: 'backup' });

		await openWorkspace('main', other);
		const r = await restoreBackup(file.text, file.text.length, { passphrase: PASS });
		expect(r.ok).toBe(true);
		expect((await notesRepo.list()).map((n) => n.text)).toEqual([MARKER]);
		// The secrets travel inside the encrypted file.
		expect((await getSettings()).forbiddenNames).toEqual(['Søren Ravn']);
	});

	it('asks for the passphrase, refuses a wrong one and a changed file, and writes nothing', async () => {
		await fill();
		const file = await sealBackup(
			await buildBackup(),
			{ kind: 'passphrase', passphrase: PASS },
			options
		);
		await openWorkspace('main', other);
		const before = await snapshot();
		expect(await restoreBackup(file.text, file.text.length)).toEqual({
			ok: false,
			problem: { kind: 'encrypted' }
		});
		expect(
			await restoreBackup(file.text, file.text.length, { passphrase: 'tabby cruelty rotunda' })
		).toEqual({ ok: false, problem: { kind: 'wrong-passphrase' } });
		const json = JSON.parse(file.text) as { chunks: string[] };
		const at = 40;
		const chunk = json.chunks[0]!;
		const tampered = JSON.stringify({
			...json,
			chunks: [chunk.slice(0, at) + (chunk[at] === 'A' ? 'B' : 'A') + chunk.slice(at + 1)]
		});
		expect(await restoreBackup(tampered, tampered.length, { passphrase: PASS })).toEqual({
			ok: false,
			problem: { kind: 'damaged-envelope' }
		});
		expect(await snapshot()).toEqual(before);
	});

	it('refuses a file that demands a costlier key derivation than the app uses, before deriving', async () => {
		await fill();
		const file = await sealBackup(
			await buildBackup(),
			{ kind: 'passphrase', passphrase: PASS },
			options
		);
		await openWorkspace('main', other);
		const before = await snapshot();
		const json = JSON.parse(file.text) as { kdf: object };
		const hostile = JSON.stringify({ ...json, kdf: { ...json.kdf, m: 256 * 1024, t: 10 } });
		const started = performance.now();
		expect(await restoreBackup(hostile, hostile.length, { passphrase: PASS })).toEqual({
			ok: false,
			problem: { kind: 'kdf-too-costly', asked: { memoryMiB: 256, passes: 10 } }
		});
		console.info(`hostile backup refused in ${(performance.now() - started).toFixed(0)} ms`);
		expect(await snapshot()).toEqual(before);
	});

	it('restores a backup of several chunks from the file as a stream, never read whole', async () => {
		const long = `${MARKER} ${'kaffe på trappen ved Mekka '.repeat(400)}`;
		for (let i = 0; i < 250; i++)
			await notesRepo.create({
				observedAt: i,
				doc: textToDoc(`${i} ${long}`),
				text: `${i} ${long}`
			});
		const file = await sealBackup(
			await buildBackup(),
			{ kind: 'passphrase', passphrase: PASS },
			options
		);
		expect((JSON.parse(file.text) as { chunks: string[] }).chunks.length).toBeGreaterThan(2);
		/** A file that can only be streamed: reading it whole would throw. */
		class StreamOnly extends Blob {
			override text(): Promise<string> {
				throw new Error('the file was read whole');
			}
		}
		await openWorkspace('main', other);
		const r = await restoreBackup(new StreamOnly([file.text]), file.text.length, {
			passphrase: PASS
		});
		expect(r).toMatchObject({ ok: true, summary: { added: expect.any(Number) } });
		expect(await notesRepo.list()).toHaveLength(250);
	});

	it('refuses a passphrase weaker than four random words', async () => {
		await fill();
		const draft = await buildBackup();
		await expect(
			sealBackup(draft, { kind: 'passphrase', passphrase: 'Password123!' }, options)
		).rejects.toBeInstanceOf(WeakPassphraseError);
	});
});

describe('a plaintext backup', () => {
	it('is written only with the explicit confirmation', async () => {
		await fill();
		const draft = await buildBackup();
		const unconfirmed = { kind: 'plaintext', confirmed: false } as unknown as {
			kind: 'plaintext';
			confirmed: true;
		};
		await expect(sealBackup(draft, unconfirmed)).rejects.toBeInstanceOf(PlaintextNotConfirmedError);
		const file = await sealBackup(draft, { kind: 'plaintext', confirmed: true });
		expect(file).toMatchObject({ encrypted: false });
		expect(file.filename).toMatch(/\.json$/);
		expect(file.text).toContain(MARKER);
	});

	it('leaves out the names list and the team key, and restoring it keeps the local ones', async () => {
		await fill();
		const file = await sealBackup(await buildBackup(), { kind: 'plaintext', confirmed: true });
		expect(file.text).not.toContain('Søren Ravn');
		expect(JSON.parse(file.text).leftOut).toEqual(['forbiddenNames', 'teamPackageKey']);

		await openWorkspace('main', other);
		await updateSettings({ forbiddenNames: ['Anne Marie'] });
		// Make the incoming settings newer, so the merge takes them.
		const doc = JSON.parse(file.text);
		doc.records.settings[0].updatedAt = Date.now() + 60_000;
		doc.records.settings[0].noteCellResolution = 9;
		const text = JSON.stringify(doc);
		expect((await restoreBackup(text, text.length)).ok).toBe(true);
		const after = await getSettings();
		expect(after.noteCellResolution).toBe(9);
		expect(after.forbiddenNames).toEqual(['Anne Marie']);
	});
});

describe('a file of the wrong kind', () => {
	it('is refused: an encrypted team package is not a backup', async () => {
		const { protectFile } = await import('$lib/features/export/export-protection.service');
		const text = await protectFile(
			'{}',
			'team-package',
			{ kind: 'passphrase', passphrase: PASS },
			options
		);
		expect(await restoreBackup(text, text.length, { passphrase: PASS })).toEqual({
			ok: false,
			problem: { kind: 'wrong-content' }
		});
	});
});
