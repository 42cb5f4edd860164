import Dexie from 'dexie';
import { newId } from '$lib/domain/records/ids';
import { StedsansDB } from './db';
import { guardMiddleware } from './rollback-guard';
import { holdTeamMembership, outboxMiddleware, TEAM_CONFIG } from './sync-outbox';

export type WorkspaceKind = 'main' | 'demo';

export const WORKSPACE_DB_NAMES: Record<WorkspaceKind, string> = {
	main: 'stedsans',
	demo: 'stedsans-demo'
};

export interface Identity {
	authorId: string;
	deviceId: string;
}

interface OpenWorkspace {
	kind: WorkspaceKind;
	db: StedsansDB;
	identity: Identity;
}

let current: OpenWorkspace | null = null;

/** The open workspace's database. Repositories call this; components never do. */
export function db(): StedsansDB {
	if (!current) throw new Error('No workspace is open');
	return current.db;
}

export function identity(): Identity {
	if (!current) throw new Error('No workspace is open');
	return current.identity;
}

export function currentKind(): WorkspaceKind | null {
	return current?.kind ?? null;
}

/** Opens (creating when new) a workspace and makes it the one every repository writes to. */
export async function openWorkspace(
	kind: WorkspaceKind,
	dbName = WORKSPACE_DB_NAMES[kind]
): Promise<StedsansDB> {
	if (current?.db.name === dbName && current.db.isOpen()) return current.db;
	closeWorkspace();
	const database = new StedsansDB(dbName);
	// The own workspace marks every change for team sync, and tags every row against rollback,
	// in the transaction that makes it.
	if (kind === 'main') database.use(outboxMiddleware).use(guardMiddleware);
	await database.open();
	const ident = await database.transaction('rw', database.meta, async () => {
		let deviceId = (await database.meta.get('deviceId'))?.value as string | undefined;
		if (!deviceId) {
			deviceId = newId();
			await database.meta.put({ key: 'deviceId', value: deviceId });
		}
		let profileId = (await database.meta.get('profileId'))?.value as string | undefined;
		if (!profileId) {
			profileId = newId();
			await database.meta.put({ key: 'profileId', value: profileId });
		}
		// Whether its changes are marked for a team's push (sync-outbox.ts): the membership's
		// settings are sealed, but that they exist is in the clear.
		holdTeamMembership(kind === 'main' && (await database.meta.get(TEAM_CONFIG)) !== undefined);
		return { deviceId, authorId: profileId };
	});
	current = { kind, db: database, identity: ident };
	return database;
}

export function closeWorkspace(): void {
	current?.db.close();
	current = null;
}

export async function deleteWorkspace(
	kind: WorkspaceKind,
	dbName = WORKSPACE_DB_NAMES[kind]
): Promise<void> {
	if (current?.db.name === dbName) closeWorkspace();
	await Dexie.delete(dbName);
}

/** Makes an existing ethnographer record this device's profile (the author of what is written). */
export async function setProfileId(authorId: string): Promise<void> {
	if (!current) throw new Error('No workspace is open');
	await current.db.meta.put({ key: 'profileId', value: authorId });
	current.identity = { ...current.identity, authorId };
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
	return (await db().meta.get(key))?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
	await db().meta.put({ key, value });
}
