import { fromBase64Url } from '$lib/domain/sync/base64url';
import { pushBatches } from '$lib/domain/sync/batches';
import {
	encodeChange,
	decodeChange,
	type SyncedChange,
	type SyncedRecord
} from '$lib/domain/sync/change';
import type { Envelope, LoggedEnvelope, TeamState } from '$lib/domain/sync/protocol';
import { DamagedError } from '$lib/crypto/errors';
import { openEnvelope, sealEnvelope } from '$lib/crypto/relay-envelope';
import {
	checkInviteProof,
	sha256Base64Url,
	unwrapTeamKey,
	wrapTeamKey
} from '$lib/crypto/relay-keys';
import { utf8 } from '$lib/crypto/bytes';
import { clearPushed, outboxEntries, type OutboxEntry } from '$lib/db/sync-outbox';
import { readCursor, writeLastSync } from '$lib/db/sync-store';
import { RelayError } from './relay-errors';
import { addTeamKey, currentGeneration, type SyncSession } from './sync-config.service';
import { applyChanges, asTravelling, repoFor, type ApplyCounts } from './sync-apply.service';

/**
 * One device's sync with its team's relay: push what the outbox holds, pull what the log holds
 * past the cursor, keep the team keys current, and (on the admin's device) give newcomers the
 * team keys once their invite proof checks out. The runner (sync.svelte.ts) decides when.
 */
export interface SyncProgress {
	phase: 'push' | 'pull';
	done: number;
	total: number;
}

export interface SyncReport extends ApplyCounts {
	pushed: number;
	pulled: number;
	/** Envelopes that did not open (a changed byte, a generation this device never had). */
	unreadable: number;
}

const PUSH_BATCH = 250;
/** Envelopes per pulled page: small enough that a device catching up after weeks shows progress often. */
const PULL_PAGE = 1000;

export class NoTeamKeyError extends Error {
	override readonly name = 'NoTeamKeyError';
	constructor() {
		super('This device has not been given the team key yet');
	}
}

/** Fetches the team keys wrapped for this device that it does not hold yet. */
export async function refreshKeys(session: SyncSession): Promise<void> {
	const mine = await session.client.myKeys();
	for (const k of mine) {
		if (session.teamKeys.has(k.generation)) continue;
		const secret = await unwrapTeamKey(session.identity, session.config.team, k.generation, k.key);
		await addTeamKey(session, k.generation, secret);
	}
}

function changeOf(entry: OutboxEntry, entity: object | undefined): SyncedChange {
	if (!entity) return { kind: 'purge', table: entry.table, id: entry.id };
	const repo = repoFor(entry.table);
	const record = asTravelling(repo, entity) as unknown as Record<string, unknown>;
	delete record.v;
	return {
		kind: 'record',
		table: entry.table,
		id: entry.id,
		v: repo.def.version,
		record: record as SyncedRecord['record']
	};
}

async function seal(session: SyncSession, entries: OutboxEntry[]): Promise<Envelope[]> {
	const generation = currentGeneration(session);
	const key = session.teamKeys.get(generation);
	if (!key) throw new NoTeamKeyError();
	const byTable = new Map<string, OutboxEntry[]>();
	for (const e of entries) byTable.set(e.table, [...(byTable.get(e.table) ?? []), e]);
	const out: Envelope[] = [];
	for (const [table, list] of byTable) {
		const found = await repoFor(table).getMany(list.map((e) => e.id));
		for (const [i, entry] of list.entries()) {
			const change = changeOf(entry, found[i]);
			out.push(
				await sealEnvelope(key, { team: session.config.team, generation }, encodeChange(change))
			);
		}
	}
	return out;
}

/** Sends in requests the relay takes (by count and by bytes); a retried request is the same one. */
async function send(session: SyncSession, envelopes: Envelope[]): Promise<void> {
	for (const part of pushBatches(envelopes))
		await session.client.pushAll(part, { batch: part.length });
}

/** Pushes every pending change, in batches; each batch leaves the outbox once the relay has it. */
export async function push(
	session: SyncSession,
	onProgress?: (p: SyncProgress) => void
): Promise<number> {
	const entries = await outboxEntries();
	let done = 0;
	for (let at = 0; at < entries.length; at += PUSH_BATCH) {
		const batch = entries.slice(at, at + PUSH_BATCH);
		try {
			await send(session, await seal(session, batch));
		} catch (e) {
			// Another device started a new key generation: take it and seal again.
			if (!(e instanceof RelayError && e.code === 'stale-generation')) throw e;
			await refreshKeys(session);
			await send(session, await seal(session, batch));
		}
		await clearPushed(batch);
		done += batch.length;
		onProgress?.({ phase: 'push', done, total: entries.length });
	}
	return done;
}

async function open(
	session: SyncSession,
	envelopes: LoggedEnvelope[]
): Promise<{ changes: SyncedChange[]; unreadable: number }> {
	const changes: SyncedChange[] = [];
	let unreadable = 0;
	for (const env of envelopes) {
		if (!session.teamKeys.has(env.generation)) await refreshKeys(session);
		const key = session.teamKeys.get(env.generation);
		try {
			if (!key) throw new DamagedError('payload', 'tampered', `generation ${env.generation}`);
			const change = decodeChange(await openEnvelope(key, session.config.team, env));
			if (change) changes.push(change);
			else unreadable++;
		} catch (e) {
			if (!(e instanceof DamagedError)) throw e;
			unreadable++;
		}
	}
	return { changes, unreadable };
}

/** Pulls and applies everything past the cursor, page by page, each page with its cursor. */
export async function pull(
	session: SyncSession,
	onProgress?: (p: SyncProgress) => void
): Promise<Omit<SyncReport, 'pushed'>> {
	const start = await readCursor();
	const report = {
		pulled: 0,
		unreadable: 0,
		applied: 0,
		same: 0,
		conflicts: 0,
		purged: 0,
		refused: 0
	};
	await session.client.pullAll(
		start,
		async (page) => {
			const last = page.envelopes.at(-1)?.seq;
			if (last === undefined) return;
			const { changes, unreadable } = await open(session, page.envelopes);
			const counts = await applyChanges(changes, last);
			report.pulled += page.envelopes.length;
			report.unreadable += unreadable;
			for (const k of ['applied', 'same', 'conflicts', 'purged', 'refused'] as const)
				report[k] += counts[k];
			onProgress?.({ phase: 'pull', done: last - start, total: Math.max(1, page.head - start) });
		},
		{ limit: PULL_PAGE }
	);
	return report;
}

/**
 * The admin's device gives every newcomer whose join proof checks out with one of its invites
 * the team key of every generation it holds, and starts a new generation when a device that
 * left still holds the current one.
 */
export async function tendTeam(session: SyncSession, state?: TeamState): Promise<TeamState> {
	state ??= await session.client.state();
	if (session.config.role !== 'admin') return state;
	const { team } = session.config;
	for (const d of state.devices) {
		if (d.status !== 'active' || !d.invite || !d.proof) continue;
		const missing = Object.keys(session.config.keys)
			.map(Number)
			.filter((g) => !d.generations.includes(g) && g <= state.generation);
		if (missing.length === 0) continue;
		const invite = await inviteFor(session, d.invite);
		if (!invite || !(await checkInviteProof(invite, d.keys, d.proof))) continue;
		for (const generation of missing) {
			const secret = session.config.keys[generation]!;
			const key = await wrapTeamKey(fromBase64Url(secret), {
				team,
				generation,
				device: d.device,
				boxKey: d.keys.boxKey
			});
			await session.client.addKeys(generation, [{ device: d.device, key }]);
		}
	}
	const stale = state.devices.some(
		(d) => d.status !== 'active' && d.generations.includes(state.generation)
	);
	if (stale) await rotate(session, state);
	return stale ? session.client.state() : state;
}

async function inviteFor(session: SyncSession, hash: string) {
	for (const invite of session.config.invites)
		if ((await sha256Base64Url(utf8(invite.id))) === hash) return invite;
	return undefined;
}

/** A new team key, wrapped for every active device but `without`: what the next changes are sealed with. */
export async function nextGeneration(session: SyncSession, state: TeamState, without?: string) {
	const generation = state.generation + 1;
	const secret = globalThis.crypto.getRandomValues(new Uint8Array(32));
	const wraps = await Promise.all(
		state.devices
			.filter((d) => d.status === 'active' && d.device !== without)
			.map(async (d) => ({
				device: d.device,
				key: await wrapTeamKey(secret, {
					team: session.config.team,
					generation,
					device: d.device,
					boxKey: d.keys.boxKey
				})
			}))
	);
	return { next: { generation, wraps }, secret };
}

async function rotate(session: SyncSession, state: TeamState) {
	const { next, secret } = await nextGeneration(session, state);
	await session.client.rotate(next);
	await addTeamKey(session, next.generation, secret);
}

export async function removeDevice(session: SyncSession, device: string): Promise<void> {
	const state = await session.client.state();
	const { next, secret } = await nextGeneration(session, state, device);
	await session.client.remove(device, next);
	await addTeamKey(session, next.generation, secret);
}

/** One full round: keys, push, pull; the time is remembered for the status. */
export async function syncOnce(
	session: SyncSession,
	onProgress?: (p: SyncProgress) => void,
	now = Date.now
): Promise<SyncReport> {
	if (currentGeneration(session) === 0) await refreshKeys(session);
	if (currentGeneration(session) === 0) throw new NoTeamKeyError();
	const pushed = await push(session, onProgress);
	const pulled = await pull(session, onProgress);
	await writeLastSync(now());
	return { pushed, ...pulled };
}
