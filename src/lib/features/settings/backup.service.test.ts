import { describe, expect, it, vi } from 'vitest';
import { fixChunksRepo, followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { getProfile, setDisplayName } from '$lib/db/ethnographers.repo';
import { dropWorkspace, useFreshWorkspace } from '$lib/testing/workspace';
import { closeWorkspace, deleteWorkspace, openWorkspace } from '$lib/db/workspace';
import { textToDoc } from '$lib/domain/notes/doc';
import { packChunks } from '$lib/domain/tracks/chunks';
import { buildBackup, restoreBackup, sealBackup } from './backup.service';

/** The backup as a confirmed plaintext file (what the merge tests read and edit). */
const plainBackup = async () =>
	sealBackup(await buildBackup(), { kind: 'plaintext', confirmed: true });

const workspace = useFreshWorkspace();

describe('backup', () => {
	it('round-trips notes, follow-alongs and typed-array fix chunks into an empty workspace', async () => {
		const note = await notesRepo.create({ observedAt: 5, doc: textToDoc('hej'), text: 'hej' });
		const day = await followAlongsRepo.create({ startedAt: 1000 });
		const fixes = Array.from({ length: 10 }, (_, i) => ({
			t: 1000 + i * 1000,
			lat: 55.66 + i * 1e-4,
			lon: 12.55,
			acc: 8,
			src: 'gps' as const
		}));
		const [chunk] = packChunks(day.id, fixes);
		const stored = await fixChunksRepo.create(chunk!);
		const file = await plainBackup();
		expect(JSON.parse(file.text).records.fixChunks[0].lat).toMatch(/^[A-Za-z0-9+/=]+$/);

		closeWorkspace();
		const other = `${workspace.name}-restore`;
		await openWorkspace('main', other);
		const r = await restoreBackup(file.text, file.text.length);
		expect(r.ok && r.summary.added).toBeGreaterThanOrEqual(3);
		expect((await notesRepo.get(note.id))?.text).toBe('hej');
		const back = await fixChunksRepo.get(stored.id);
		expect(back?.lat).toBeInstanceOf(Float64Array);
		expect(Array.from(back!.lat)).toEqual(fixes.map((f) => f.lat));
		await dropWorkspace(other);
	});

	it('restoring your own backup into a fresh workspace makes you its author again', async () => {
		await setDisplayName('Maja K.');
		const file = await plainBackup();
		closeWorkspace();
		const other = `${workspace.name}-fresh`;
		await openWorkspace('main', other);
		expect(await getProfile()).toBeUndefined();
		await restoreBackup(file.text, file.text.length);
		expect((await getProfile())?.displayName).toBe('Maja K.');
		await dropWorkspace(other);
	});

	it('a damaged file changes nothing', async () => {
		await notesRepo.create({ observedAt: 5, doc: textToDoc('hej'), text: 'hej' });
		const file = await plainBackup();
		const broken = file.text.replace('"observedAt":5', '"observedAt":"five"');
		const r = await restoreBackup(broken, broken.length);
		expect(r).toMatchObject({
			ok: false,
			problem: { kind: 'invalid', path: 'records.notes[0].observedAt' }
		});
		const truncated = file.text.slice(0, file.text.length / 2);
		expect(await restoreBackup(truncated, truncated.length)).toMatchObject({
			ok: false,
			problem: { kind: 'not-json' }
		});
		expect(await notesRepo.list()).toHaveLength(1);
	});

	it('merges by id: newer wins, older is kept out and counted', async () => {
		const n = await notesRepo.create({ observedAt: 5, doc: textToDoc('first'), text: 'first' });
		const file = await plainBackup();
		await notesRepo.update(n.id, { doc: textToDoc('newer here'), text: 'newer here' });
		const r = await restoreBackup(file.text, file.text.length);
		expect(r.ok && r.summary.keptLocal).toBe(1);
		expect((await notesRepo.get(n.id))?.text).toBe('newer here');
	});

	it('a record changed while the restore decides is judged as it is when written: the newer edit stays, the trashed stays trashed', async () => {
		const n = await notesRepo.create({ observedAt: 5, doc: textToDoc('first'), text: 'first' });
		const gone = await notesRepo.create({ observedAt: 6, doc: textToDoc('gone'), text: 'gone' });
		const file = await plainBackup();
		// The backup's copies are newer than the ones stored, so the restore would take them...
		const text = file.text
			.replace('"text":"first"', '"text":"from the backup"')
			.replaceAll(`"updatedAt":${n.updatedAt}`, `"updatedAt":${n.updatedAt + 1}`)
			.replaceAll(`"updatedAt":${gone.updatedAt}`, `"updatedAt":${gone.updatedAt + 1}`);
		const metaOf = notesRepo.metaOf.bind(notesRepo);
		// ...but here one is edited and one put in the trash after the restore read them and
		// before it writes.
		const spy = vi.spyOn(notesRepo, 'metaOf').mockImplementationOnce(async (row) => {
			const meta = await metaOf(row);
			await notesRepo.update(n.id, {
				doc: textToDoc('edited meanwhile'),
				text: 'edited meanwhile'
			});
			await notesRepo.remove(gone.id);
			return meta;
		});
		try {
			const r = await restoreBackup(text, text.length);
			expect(r.ok && r.byTable.notes).toMatchObject({ updated: 0, keptLocal: 2 });
		} finally {
			spy.mockRestore();
		}
		expect((await notesRepo.get(n.id))?.text).toBe('edited meanwhile');
		expect((await notesRepo.get(gone.id))?.deletedAt).not.toBeNull();
	});

	it('refuses a demo backup in your own workspace and your own backup in the demo, writing nothing', async () => {
		const note = await notesRepo.create({ observedAt: 5, doc: textToDoc('ægte'), text: 'ægte' });
		const own = await plainBackup();

		closeWorkspace();
		const demo = `${workspace.name}-demo`;
		await openWorkspace('demo', demo);
		await notesRepo.create({ observedAt: 6, doc: textToDoc('syntetisk'), text: 'syntetisk' });
		const intoDemo = await restoreBackup(own.text, own.text.length);
		expect(intoDemo).toEqual({ ok: false, problem: { kind: 'other-workspace', file: 'main' } });
		expect(await notesRepo.get(note.id)).toBeUndefined();
		const demoFile = await plainBackup();
		expect(JSON.parse(demoFile.text).workspace.kind).toBe('demo');

		closeWorkspace();
		await openWorkspace('main', workspace.name);
		const before = (await notesRepo.list()).length;
		const intoOwn = await restoreBackup(demoFile.text, demoFile.text.length);
		expect(intoOwn).toEqual({ ok: false, problem: { kind: 'other-workspace', file: 'demo' } });
		expect((await notesRepo.list()).length).toBe(before);
		await deleteWorkspace('demo', demo);
	});
});
