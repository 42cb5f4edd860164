import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { textToDoc } from '$lib/domain/notes/doc';
import { DamagedError } from '$lib/crypto/errors';
import { openEnvelope, importTeamKey } from '$lib/crypto/relay-envelope';
import { fromBase64Url } from '$lib/domain/sync/base64url';
import { notesRepo } from '$lib/db/notes.repo';
import { placesRepo } from '$lib/db/places.repo';
import { outboxCount } from '$lib/db/sync-outbox';
import { readCursor, readLastSync } from '$lib/db/sync-store';
import { db } from '$lib/db/workspace';
import { clearTimes } from '$lib/testing/clear-times';
import { Device, teamOfTwo } from '$lib/testing/sync-devices';
import { GIVEN } from '$lib/testing/consent';
import { saveNote } from '$lib/features/notes/notes.service';
import { savePlace } from '$lib/features/places/places.service';
import { addParticipant, withdrawParticipant } from '$lib/features/notes/participants.service';
import { gatherHeatmapInput } from '$lib/features/heatmaps/heatmap-input.service';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnRelay, type RelayProcess } from '../../../../server/test/process';
import { RelayError } from './relay-errors';
import { removeDevice, tendTeam } from './sync-engine.service';
import { joinTeam, makeInvite } from './team.service';
import { listConflicts, settleConflict } from './sync-conflicts.service';

/**
 * Two simulated devices, each its own encrypted workspace on fake-indexeddb, syncing through a
 * real relay process (`npm run server`, PGlite in a temporary folder, on a loopback port).
 */
const PORT = 4330;
let dataDir: string;
let relay: RelayProcess;
let A: Device;
let B: Device;

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'sync-test-'));
	relay = await spawnRelay({ port: PORT, dataDir });
}, 120_000);
afterAll(async () => {
	await relay.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
	({ A, B } = await teamOfTwo(relay.url));
	return async () => {
		await A.drop();
		await B.drop();
	};
});

// A place's coordinates, looked for in the relay's files at the end (as text and as float64).
const LAT = 55.6703917;
const LON = 12.5598361;

const note = (text: string) => ({
	observedAt: 1_767_225_600_000,
	doc: textToDoc(text),
	text,
	genre: 'jotting' as const
});

describe('team sync between two devices', () => {
	it('a note written on A reaches B, and a place added on B reaches A', async () => {
		await A.use();
		const n = await saveNote(null, note('Kaffe ved Mændenes Hjem'));
		expect(await outboxCount()).toBeGreaterThan(0);
		const pushed = await A.sync();
		expect(pushed.pushed).toBeGreaterThan(0);
		expect(await outboxCount()).toBe(0);

		const pulled = await B.sync();
		expect(pulled.applied).toBeGreaterThan(0);
		expect((await notesRepo.require(n.id)).text).toBe('Kaffe ved Mændenes Hjem');
		// What B pulled is not B's change: nothing of it goes back.
		expect(await outboxCount()).toBe(0);

		const p = await savePlace(null, {
			name: 'Kirketrappen',
			aliases: [],
			location: { type: 'point', lon: LON, lat: LAT, radius: 25 }
		});
		await B.sync();
		await A.sync();
		expect((await placesRepo.require(p.id)).name).toBe('Kirketrappen');
	});

	it('what a device wrote before it joined reaches the team (out of a team nothing is marked)', async () => {
		const C = new Device();
		try {
			await C.use();
			const n = await saveNote(null, note('Skrevet før holdet'));
			expect(await outboxCount()).toBe(0);
			await A.use();
			const invite = await makeInvite(A.session);
			await C.use();
			C.session = await joinTeam(relay.url, invite.text.toLowerCase());
			expect(await outboxCount()).toBeGreaterThan(0);
			await A.use();
			await tendTeam(A.session);
			expect((await C.sync()).pushed).toBeGreaterThan(0);
			await A.sync();
			expect((await notesRepo.require(n.id)).text).toBe('Skrevet før holdet');
		} finally {
			await C.drop();
		}
	});

	it('both offline, both edit the same note and different notes: nothing lost, the clash kept as a conflict, sealed', async () => {
		await A.use();
		const shared = await saveNote(null, note('Fælles'));
		await A.sync();
		await B.sync();

		await A.use();
		await saveNote(shared.id, note('Fælles, set fra A'));
		const onlyA = await saveNote(null, note('Kun A'));
		await B.use();
		await saveNote(shared.id, note('Fælles, set fra B'));
		const onlyB = await saveNote(null, note('Kun B'));

		await A.sync();
		await B.sync();
		await A.sync();

		for (const d of [A, B]) {
			await d.use();
			expect((await notesRepo.require(onlyA.id)).text).toBe('Kun A');
			expect((await notesRepo.require(onlyB.id)).text).toBe('Kun B');
			const conflicts = await listConflicts();
			expect(conflicts).toHaveLength(1);
			expect(conflicts[0]!.table).toBe('notes');
			// In the clear: no time finer than a day (the last sync, the cursor are sealed), and
			// the kept conflict under keyed ids (its key would show the version vector).
			expect(await clearTimes()).toEqual([]);
			expect(JSON.stringify(await db().table('syncConflicts').toArray())).not.toContain(shared.id);
			expect(await readLastSync()).toBeGreaterThan(0);
			expect(await readCursor()).toBeGreaterThan(0);
		}
		// B keeps its own text as it is; A's version waits beside it until B chooses.
		await B.use();
		expect((await notesRepo.require(shared.id)).text).toBe('Fælles, set fra B');
		const [c] = await listConflicts();
		expect(c!.incoming.text).toBe('Fælles, set fra A');
		await settleConflict(c!, 'theirs', ' (2)');
		expect((await notesRepo.require(shared.id)).text).toBe('Fælles, set fra A');
		expect(await listConflicts()).toHaveLength(0);
		await B.sync();
		await A.sync();
		// The settled version is newer than both: A takes it, and its conflict is gone.
		expect((await notesRepo.require(shared.id)).text).toBe('Fælles, set fra A');
		expect(await listConflicts()).toHaveLength(0);
	});

	it('a purge on A removes the record on B, and an older copy does not bring it back', async () => {
		await A.use();
		const n = await saveNote(null, note('Skal væk'));
		await A.sync();
		await B.sync();
		// B edits it, offline, while A empties it from the trash.
		await B.use();
		await saveNote(n.id, note('Skal væk, men B skrev videre'));
		await A.use();
		await notesRepo.remove(n.id);
		await notesRepo.purge(n.id);
		await A.sync();
		await B.sync();
		expect(await notesRepo.get(n.id)).toBeUndefined();
		// B's edit reached the relay after the purge: A does not take the record back.
		await A.sync();
		expect(await notesRepo.get(n.id)).toBeUndefined();
	});

	it('a withdrawal on A takes the participant out of B’s heatmap input', async () => {
		await A.use();
		const p = await addParticipant({
			code: 'VB-014',
			neighbourhood: 'vesterbro',
			consent: { location: 'cell', followAlong: true, aggregate: true },
			consentRecord: GIVEN
		});
		await A.sync();
		await B.sync();
		const before = (await gatherHeatmapInput()).input.participants.find((x) => x.id === p.id);
		expect(before?.withdrawn).toBe(false);
		await A.use();
		await withdrawParticipant(p.id);
		await A.sync();
		await B.sync();
		const after = (await gatherHeatmapInput()).input.participants.find((x) => x.id === p.id);
		expect(after?.withdrawn).toBe(true);
	});

	it('a device removed by the admin cannot open what is written after its removal', async () => {
		await A.use();
		await saveNote(null, note('Før'));
		await A.sync();
		await B.sync();
		const oldKeys = { ...B.session.config.keys };

		await A.use();
		await removeDevice(A.session, B.session.identity.device);
		await saveNote(null, note('Efter fjernelsen'));
		await A.sync();

		await expect(B.sync()).rejects.toSatisfy(
			(e) => e instanceof RelayError && e.code === 'removed'
		);
		// The envelopes written after the removal, read straight from the relay: B's old key fails.
		await A.use();
		const page = await A.session.client.pull(0);
		const after = page.envelopes.filter((e) => e.generation === 2);
		expect(after.length).toBeGreaterThan(0);
		const old = await importTeamKey(fromBase64Url(oldKeys['1']!));
		for (const env of after)
			await expect(
				openEnvelope(old, A.session.config.team, { ...env, generation: 1 })
			).rejects.toBeInstanceOf(DamagedError);
		// What B had before, it keeps.
		await B.use();
		expect((await notesRepo.list()).some((x) => x.text === 'Før')).toBe(true);
	});

	it('the relay’s files hold no note text, participant code, place name or coordinate', async () => {
		await relay.stop();
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const f of readdirSync(dir)) {
				const path = join(dir, f);
				if (statSync(path).isDirectory()) walk(path);
				else files.push(path);
			}
		};
		walk(dataDir);
		const float = (x: number) => Buffer.from(new Float64Array([x]).buffer);
		const needles: [string, Buffer][] = [
			...[
				'Kaffe ved Mændenes Hjem',
				'Fælles, set fra A',
				'VB-014',
				'Kirketrappen',
				'55.6703917'
			].map((t) => [t, Buffer.from(t)] as [string, Buffer]),
			['lat as float64', float(LAT)],
			['lon as float64', float(LON)]
		];
		const found = files.flatMap((f) => {
			const bytes = readFileSync(f);
			return needles.filter(([, b]) => bytes.includes(b)).map(([name]) => `${name} in ${f}`);
		});
		// The scan does see what the relay stores in the clear: this test's team id.
		const team = Buffer.from(A.session.config.team);
		expect(files.some((f) => readFileSync(f).includes(team))).toBe(true);
		expect(found).toEqual([]);
	});
});
