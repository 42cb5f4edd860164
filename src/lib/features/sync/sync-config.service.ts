import { fromBase64Url, toBase64Url } from '$lib/domain/sync/base64url';
import { importTeamKey } from '$lib/crypto/relay-envelope';
import { exportIdentity, importIdentity, type StoredIdentity } from '$lib/crypto/relay-identity';
import type { DeviceIdentity } from '$lib/crypto/relay-keys';
import { readSyncConfig, writeSyncConfig } from '$lib/db/sync-store';
import { RelayClient } from './relay-client';

/**
 * This device's membership of a team, kept sealed under the data key like a record
 * (db/sync-store.ts): the relay's address, the team, the device's private keys, the team key of
 * every generation it was given, and (on the admin's device) the invites it made, whose secret
 * halves check a newcomer's proof. Locked, none of it can be read, so nothing syncs.
 */
export interface SyncConfig {
	relay: string;
	team: string;
	role: 'admin' | 'member';
	identity: StoredIdentity;
	/** Team key secrets (32 bytes, base64url) by generation. */
	keys: Record<string, string>;
	invites: { id: string; secret: string; text: string; expiresAt: number }[];
}

/** The membership opened for use while unlocked: keys imported, a signed client ready. */
export interface SyncSession {
	config: SyncConfig;
	identity: DeviceIdentity;
	client: RelayClient;
	teamKeys: Map<number, CryptoKey>;
}

export function currentGeneration(session: SyncSession): number {
	return Math.max(0, ...session.teamKeys.keys());
}

export async function loadConfig(): Promise<SyncConfig | null> {
	return readSyncConfig<SyncConfig>();
}

export async function saveConfig(config: SyncConfig): Promise<void> {
	await writeSyncConfig(config);
}

/** Forgets the membership (after leaving, or removal): the records stay. */
export async function forgetConfig(): Promise<void> {
	await writeSyncConfig(null);
}

export async function openSession(
	config: SyncConfig,
	fetchImpl?: typeof fetch
): Promise<SyncSession> {
	const identity = await importIdentity(config.identity);
	const client = new RelayClient({
		url: config.relay,
		identity,
		team: config.team,
		fetch: fetchImpl
	});
	const teamKeys = new Map<number, CryptoKey>();
	for (const [g, secret] of Object.entries(config.keys))
		teamKeys.set(Number(g), await importTeamKey(fromBase64Url(secret)));
	return { config, identity, client, teamKeys };
}

export async function newConfig(
	relay: string,
	team: string,
	role: SyncConfig['role'],
	identity: DeviceIdentity
): Promise<SyncConfig> {
	return { relay, team, role, identity: await exportIdentity(identity), keys: {}, invites: [] };
}

/** Adds a generation's key to the session and the stored settings. */
export async function addTeamKey(
	session: SyncSession,
	generation: number,
	secret: Uint8Array<ArrayBuffer>
): Promise<void> {
	session.teamKeys.set(generation, await importTeamKey(secret));
	session.config = {
		...session.config,
		keys: { ...session.config.keys, [generation]: toBase64Url(secret) }
	};
	await saveConfig(session.config);
}
