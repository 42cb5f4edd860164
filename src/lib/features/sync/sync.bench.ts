import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { textToDoc } from '$lib/domain/notes/doc';
import { newId } from '$lib/domain/records/ids';
import { pushBatches } from '$lib/domain/sync/batches';
import { encodeChange, type SyncedChange } from '$lib/domain/sync/change';
import { packChunks } from '$lib/domain/tracks/chunks';
import { sealEnvelope } from '$lib/crypto/relay-envelope';
import { fixChunksRepo } from '$lib/db/follow-alongs.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { Device } from '$lib/testing/sync-devices';
import { spawnRelay, type RelayProcess } from '../../../../server/test/process';
import { currentGeneration, type SyncSession } from './sync-config.service';
import { pull, syncOnce, tendTeam } from './sync-engine.service';
import { RelayClient } from './relay-client';
import { generateDeviceIdentity } from '$lib/crypto/relay-keys';
import { readCursor } from '$lib/db/sync-store';
import { createTeam, joinTeam, makeInvite } from './team.service';
import type { AnyRepository } from '$lib/db/registry';

/**
 * A device joining a team whose log holds 20,000 notes and 1,000,000 fixes (245 chunks), on
 * loopback against a relay process (`npm run server`, PGlite): from the invite to every record
 * opened, checked and stored through the repositories (fake-indexeddb in node). The baseline, in
 * the same run, is a bare pull of the same pages through the same relay: the bytes fetched and
 * parsed, nothing opened or stored.
 */
const NOTES = Number(process.env.SYNC_BENCH_NOTES ?? 20_000);
const FIXES = Number(process.env.SYNC_BENCH_FIXES ?? 1_000_000);

let ready: Promise<{ relay: RelayProcess; admin: Device; bytes: number }> | null = null;

function asChange(repo: AnyRepository, table: string, entity: { id: string }): SyncedChange {
	const { v: _v, ...record } = repo.toJson(entity as never) as Record<string, unknown>;
	return {
		kind: 'record',
		table,
		id: entity.id,
		v: repo.def.version,
		record: record as { id: string; rev: Record<string, number> }
	};
}

async function seedTeam(session: SyncSession): Promise<number> {
	const key = session.teamKeys.get(currentGeneration(session))!;
	const ctx = { team: session.config.team, generation: currentGeneration(session) };
	const changes: SyncedChange[] = [];
	for (let i = 0; i < NOTES; i++) {
		const text = `Feltnote ${i}: ${'observation ved trappen '.repeat(12)}`;
		const note = notesRepo.prepare({
			observedAt: 1_767_225_600_000 + i,
			doc: textToDoc(text),
			text
		});
		changes.push(asChange(notesRepo as unknown as AnyRepository, 'notes', note));
	}
	const perDay = 20_000;
	for (let day = 0; day * perDay < FIXES; day++) {
		const n = Math.min(perDay, FIXES - day * perDay);
		const start = Date.UTC(2026, 2, 3, 8) + day * 86_400_000;
		const fixes = Array.from({ length: n }, (_, k) => ({
			t: start + k * 1000,
			lat: 55.67 + k * 1e-6,
			lon: 12.56,
			acc: 6,
			src: 'gps' as const
		}));
		for (const chunk of packChunks(newId(), fixes))
			changes.push(
				asChange(
					fixChunksRepo as unknown as AnyRepository,
					'fixChunks',
					fixChunksRepo.prepare(chunk)
				)
			);
	}
	let bytes = 0;
	for (let at = 0; at < changes.length; at += 1000) {
		const envelopes = await Promise.all(
			changes.slice(at, at + 1000).map((c) => sealEnvelope(key, ctx, encodeChange(c)))
		);
		bytes += envelopes.reduce((s, e) => s + e.ciphertext.length, 0);
		for (const part of pushBatches(envelopes))
			await session.client.pushAll(part, { batch: part.length });
	}
	return bytes;
}

function setUp() {
	ready ??= (async () => {
		const relay = await spawnRelay({
			port: 4345,
			dataDir: mkdtempSync(join(tmpdir(), 'sync-bench-'))
		});
		// Benchmarks run no afterAll hooks, and Vitest ends the process it runs them in with a
		// signal, so no exit handler runs either: a watcher ends the relay when this process is gone
		// (a relay left behind kept the port, and the next run failed to start its own).
		spawn(
			'sh',
			['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill ${relay.child.pid}`],
			{ detached: true, stdio: 'ignore' }
		).unref();
		const admin = new Device();
		await admin.use();
		admin.session = await createTeam(relay.url);
		const bytes = await seedTeam(admin.session);
		return { relay, admin, bytes };
	})();
	return ready;
}

async function newMember() {
	const { relay, admin } = await setUp();
	await admin.use();
	const invite = await makeInvite(admin.session);
	const device = new Device();
	await device.use();
	device.session = await joinTeam(relay.url, invite.text);
	await admin.use();
	await tendTeam(admin.session);
	await device.use();
	return device;
}

// The team's log is filled before the clock starts (tinybench's setup runs outside the timing).
const once = {
	iterations: 1,
	warmupIterations: 0,
	time: 0,
	warmupTime: 0,
	setup: async () => void (await setUp())
};

describe(`Team sync: a new device catches up with ${NOTES.toLocaleString('en')} notes and ${FIXES.toLocaleString('en')} fixes (target ≤ 30 s)`, () => {
	bench(
		'baseline: a bare pull of the same pages',
		async () => {
			const device = await newMember();
			let n = 0;
			await device.session.client.pullAll(0, (page) => void (n += page.envelopes.length));
			await device.drop();
		},
		once
	);
	bench(
		'joined and fully synced (opened, checked, stored)',
		async () => {
			const device = await newMember();
			const report = await syncOnce(device.session);
			if (report.applied < NOTES) throw new Error(`only ${report.applied} applied`);
			await device.drop();
		},
		once
	);
});

/**
 * A change made on one device shown on another while 30 devices each send one change a second:
 * 28 devices push a sealed note a second each (bare clients), A pushes one more, and B, running
 * the engine as the app does (events → pull → open → check → store), waits until it has stored
 * A's change. The baseline, in the same run: the relay's own push → "something new" notification.
 */
async function loadedTeam() {
	const { relay, admin } = await setUp();
	const B = await newMember();
	await syncOnce(B.session); // caught up before the clock starts
	await admin.use();
	const key = admin.session.teamKeys.get(currentGeneration(admin.session))!;
	const ctx = { team: admin.session.config.team, generation: currentGeneration(admin.session) };
	const clients: RelayClient[] = [];
	for (let i = 0; i < 28; i++) {
		const invite = await makeInvite(admin.session);
		const c = new RelayClient({ url: relay.url, identity: await generateDeviceIdentity() });
		await c.join(invite);
		clients.push(c);
	}
	await tendTeam(admin.session);
	// Sealed beforehand, while the admin's workspace is open (a note is stamped with its device).
	const sealed = await Promise.all(
		Array.from({ length: 4_000 }, (_, i) => {
			const text = `Ændring ${i}`;
			const note = notesRepo.prepare({
				observedAt: 1_767_225_600_000 + i,
				doc: textToDoc(text),
				text
			});
			return sealEnvelope(
				key,
				ctx,
				encodeChange(asChange(notesRepo as unknown as AnyRepository, 'notes', note))
			);
		})
	);
	const sealNote = async (i: number) => sealed[i % sealed.length]!;
	const stop = new AbortController();
	let n = 0;
	const load = clients.map(async (c, i) => {
		await new Promise((r) => setTimeout(r, (i * 1000) / clients.length));
		while (!stop.signal.aborted) {
			const started = Date.now();
			await c.push([await sealNote(++n)]);
			await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
		}
	});
	// B as the app runs it: every "something new" starts a pull, one at a time.
	await B.use();
	let applied = 0;
	let lastHead = 0;
	let pulling: Promise<void> = Promise.resolve();
	const waiters: { seq: number; done: () => void }[] = [];
	const heard: { seq: number; done: () => void }[] = [];
	void B.session.client
		.subscribe((e) => {
			if (e.type !== 'head') return;
			lastHead = Math.max(lastHead, e.head);
			for (const w of heard.splice(0))
				if (e.head >= w.seq) w.done();
				else heard.push(w);
			pulling = pulling.then(async () => {
				await pull(B.session);
				applied = await readCursor();
				for (const w of [...waiters])
					if (applied >= w.seq) {
						waiters.splice(waiters.indexOf(w), 1);
						w.done();
					}
			});
		}, stop.signal)
		.catch(() => {});
	const A = clients[0]!;
	return {
		async change(waitFor: 'applied' | 'heard') {
			const [r] = (await A.push([await sealNote(++n)])).results;
			const seq = r!.seq;
			if ((waitFor === 'heard' ? lastHead : applied) >= seq) return;
			await new Promise<void>((done) =>
				(waitFor === 'applied' ? waiters : heard).push({ seq, done })
			);
		},
		async stop() {
			stop.abort();
			await Promise.all(load);
			await B.drop();
		}
	};
}

let team: ReturnType<typeof loadedTeam> | null = null;
const samples = {
	iterations: Number(process.env.SYNC_BENCH_SAMPLES ?? 60),
	warmupIterations: 2,
	time: 0,
	warmupTime: 0,
	setup: async () => void (await (team ??= loadedTeam()))
};
const last = {
	...samples,
	// Benchmarks run no afterAll hooks: the last one stops the load and the relay.
	teardown: async (_task: unknown, mode?: string) => {
		if (mode === 'warmup') return;
		await (await team)?.stop();
		await (await ready)?.relay.stop();
	}
};

describe('Team sync: a change on one device stored on another while 30 devices send one a second (target p95 ≤ 1 s)', () => {
	bench(
		'baseline: push → the other device notified',
		async () => {
			await (await team!).change('heard');
		},
		samples
	);
	bench(
		'push → pulled, opened, checked and stored on the other device',
		async () => {
			await (await team!).change('applied');
		},
		last
	);
});
