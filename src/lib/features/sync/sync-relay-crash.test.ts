import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { textToDoc } from '$lib/domain/notes/doc';
import { change, commit } from '$lib/db/commit';
import { notesRepo } from '$lib/db/notes.repo';
import { outboxCount } from '$lib/db/sync-outbox';
import { teamOfTwo, type Device } from '$lib/testing/sync-devices';
import { spawnRelay, type RelayProcess } from '../../../../server/test/process';
import { push, pull } from './sync-engine.service';

/**
 * The relay process (as `npm run server` runs it, PGlite on disk) killed with SIGKILL while A
 * pushes 5,000 notes, and started again on the same folder: A's push carries on by itself (a
 * batch the relay may or may not have stored is sent again with the same envelope ids), and B
 * ends with each note once, having shown its progress page by page. In node with the real client and engine: a browser would spend
 * minutes typing 5,000 notes.
 */
const PORT = 4331;
const N = 5_000;
let dataDir: string;
let relay: RelayProcess;
let A: Device;
let B: Device;

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'sync-crash-'));
	relay = await spawnRelay({ port: PORT, dataDir });
	({ A, B } = await teamOfTwo(relay.url));
}, 120_000);
afterAll(async () => {
	await relay.stop();
	await A.drop();
	await B.drop();
	rmSync(dataDir, { recursive: true, force: true });
});

it('the relay killed in the middle of a 5,000-note push: B ends with each note once', async () => {
	await A.use();
	const notes = Array.from({ length: N }, (_, i) =>
		notesRepo.prepare({
			observedAt: 1_767_225_600_000 + i,
			doc: textToDoc(`note ${i}`),
			text: `note ${i}`
		})
	);
	await commit([change(notesRepo, notes)]);
	expect(await outboxCount()).toBeGreaterThanOrEqual(N);

	let killed: Promise<void> | null = null;
	const pushing = push(A.session, (p) => {
		if (!killed && p.done >= 1_000)
			killed = (async () => {
				await relay.stop('SIGKILL');
				relay = await spawnRelay({ port: PORT, dataDir });
			})();
	});
	await pushing;
	expect(killed).not.toBeNull();
	await killed;
	expect(await outboxCount()).toBe(0);

	// B, offline all along, catches up page by page, its progress shown as it goes.
	await B.use();
	const progress: { done: number; total: number }[] = [];
	const report = await pull(B.session, (p) => progress.push(p));
	expect(progress.length).toBeGreaterThanOrEqual(5);
	for (const [i, p] of progress.entries()) {
		expect(p.done).toBeLessThanOrEqual(p.total);
		if (i > 0) expect(p.done).toBeGreaterThan(progress[i - 1]!.done);
	}
	expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
	expect(report.pulled).toBeGreaterThanOrEqual(N);
	const held = await notesRepo.list();
	const ids = new Set(held.map((n) => n.id));
	expect(held).toHaveLength(N + 0);
	expect(ids.size).toBe(N);
	for (const n of notes) expect(ids.has(n.id)).toBe(true);
}, 600_000);
