import type { StoredDropBox } from '$lib/crypto/drop-box';
import type { KeyFile } from '$lib/crypto/keys';
import { macMatches, macOf } from '$lib/crypto/state-mac';
import { RECORD_TABLES, type MetaEntry, type RecordTable } from './db';
import { db, getMeta, setMeta } from './workspace';

/**
 * What encryption at rest keeps in the workspace's `meta` table, in the clear: the key file
 * (the data key wrapped under the passphrase and under the recovery key, nothing else), the drop
 * box (a public key and its private key sealed under the data key), how far encrypting an
 * existing workspace has come, and the count of wrong passphrases (for the back-off). All but the
 * count are authenticated together (`vaultMac`, HMAC under a key derived from the data key), so
 * a change made outside the app is seen after the next unlock and not acted on.
 */
const KEY_FILE = 'keyFile';
const DROP_BOX = 'dropBox';
const ENCRYPTION = 'encryption';
const FAILURES = 'unlockFailures';
/** HMAC of the vault's state (key file, drop box, encryption state) under the data key. */
const STATE_MAC = 'vaultMac';
/** The record tables whose rows are tagged against rollback (db/rollback-guard.ts). */
const GUARDED = 'guarded';
/** How far rewriting rows into version 11's layout has come (db/encrypt-in-place.ts). */
const LAYOUT = 'layout';

/**
 * `migrating`: records written before encryption may still be plaintext; `cursor` is the last
 * row sealed, so an interrupted run goes on from there. `sealed`: every payload is sealed.
 */
export type EncryptionState =
	| { state: 'migrating'; cursor: { table: RecordTable; afterId: string } | null }
	| { state: 'sealed' };

/**
 * Rows in version 11's layout (metadata sealed, links keyed): `done`, or the last row rewritten
 * (null: none yet). Undefined in a vault from before version 11: every row is to be rewritten.
 */
export type LayoutState =
	{ done: true } | { done: false; cursor: { table: RecordTable; afterId: string } | null };

/**
 * The back-off's state, read before unlocking, so in the clear: a count and a duration, no time.
 * The time of the last attempt is not kept (the wait is measured on a monotonic clock and never
 * needed it); a workspace that stored one loses it at its next attempt or unlock.
 */
export interface UnlockFailures {
	count: number;
	/** How much of the current wait was sat out in the app (ms, monotonic clock). */
	served?: number;
}

export interface StoredVault {
	keyFile: unknown;
	dropBox: StoredDropBox | undefined;
	encryption: EncryptionState;
	/** The record tables tagged against rollback (undefined: none yet). */
	guarded: readonly string[] | undefined;
	layout: LayoutState | undefined;
	/** The state's tag; undefined in a workspace from before it was kept. */
	mac: unknown;
}

/** What the tag covers: every part of the vault's state that decides what the app does. */
type VaultState = Pick<StoredVault, 'keyFile' | 'dropBox' | 'encryption' | 'guarded' | 'layout'>;

/** The MAC key of the open workspace: held while unlocked (for writing the state), else null. */
let stateKey: CryptoKey | null = null;

export function holdStateKey(key: CryptoKey | null): void {
	stateKey = key;
}

/** The stored keys of the open workspace, or undefined where encryption was never set up. */
export async function readVault(): Promise<StoredVault | undefined> {
	const keyFile = await getMeta<unknown>(KEY_FILE);
	if (keyFile === undefined) return undefined;
	return {
		keyFile,
		dropBox: await getMeta<StoredDropBox>(DROP_BOX),
		encryption: (await getMeta<EncryptionState>(ENCRYPTION)) ?? { state: 'sealed' },
		guarded: await getMeta<string[]>(GUARDED),
		layout: await getMeta<LayoutState>(LAYOUT),
		mac: await getMeta<unknown>(STATE_MAC)
	};
}

// `layout` undefined (a vault from before version 11) is left out of the tagged text, so the
// tag written before still matches.
const stateOf = ({ keyFile, dropBox, encryption, guarded, layout }: VaultState): VaultState => ({
	keyFile,
	dropBox,
	encryption,
	guarded,
	layout
});

/**
 * Whether the stored state is the one this app last wrote, by its tag. A workspace from before
 * the tag was kept is trusted once, at its first unlock, only when every record is sealed
 * already: a state that asks for plaintext to be accepted (`migrating`) without a tag is what a
 * storage writer would plant, so it is refused.
 */
export async function verifyVault(stored: StoredVault, key: CryptoKey): Promise<boolean> {
	if (stored.mac === undefined) {
		if (stored.encryption.state !== 'sealed') return false;
		await setMeta(STATE_MAC, await macOf(key, stateOf(stored)));
		return true;
	}
	return macMatches(key, stateOf(stored), stored.mac);
}

/**
 * The meta entries for a change to the vault's state, its new tag among them, to be written in
 * one transaction. The tag is made here, before the transaction opens (WebCrypto in an IndexedDB
 * transaction would end it).
 */
export async function stateEntries(change: Partial<VaultState>, key = stateKey) {
	if (!key) throw new Error('The vault state is written only while unlocked');
	const current = (await readVault()) ?? { keyFile: undefined, dropBox: undefined };
	const next = stateOf({ encryption: { state: 'sealed' }, ...current, ...change } as VaultState);
	const entries: MetaEntry[] = [{ key: STATE_MAC, value: await macOf(key, next) }];
	if ('keyFile' in change) entries.push({ key: KEY_FILE, value: change.keyFile });
	if ('dropBox' in change) entries.push({ key: DROP_BOX, value: change.dropBox });
	if ('encryption' in change) entries.push({ key: ENCRYPTION, value: change.encryption });
	if ('guarded' in change) entries.push({ key: GUARDED, value: change.guarded });
	if ('layout' in change) entries.push({ key: LAYOUT, value: change.layout });
	return entries;
}

async function saveState(change: Partial<VaultState>, key = stateKey): Promise<void> {
	const entries = await stateEntries(change, key);
	const d = db();
	await d.transaction('rw', d.meta, () => d.meta.bulkPut(entries));
}

/** The first key file, the drop box and whether records are still to be encrypted, all at once. */
export async function saveNewVault(
	keyFile: KeyFile,
	dropBox: StoredDropBox,
	encryption: EncryptionState,
	key: CryptoKey
): Promise<void> {
	// Rows written before encryption are rewritten by the same pass that seals them.
	const layout: LayoutState =
		encryption.state === 'migrating' ? { done: false, cursor: null } : { done: true };
	const entries = await stateEntries({ keyFile, dropBox, encryption, layout }, key);
	const d = db();
	await d.transaction('rw', d.meta, async () => {
		await d.meta.bulkPut([...entries, { key: FAILURES, value: { count: 0, served: 0 } }]);
	});
}

export function saveKeyFile(keyFile: KeyFile): Promise<void> {
	return saveState({ keyFile });
}

export function saveDropBox(dropBox: StoredDropBox, key?: CryptoKey): Promise<void> {
	return saveState({ dropBox }, key);
}

export function saveGuarded(guarded: readonly string[]): Promise<void> {
	return saveState({ guarded });
}

export async function readEncryptionState(): Promise<EncryptionState> {
	return (await getMeta<EncryptionState>(ENCRYPTION)) ?? { state: 'sealed' };
}

export async function readLayoutState(): Promise<LayoutState> {
	return (await getMeta<LayoutState>(LAYOUT)) ?? { done: false, cursor: null };
}

/** Whether rows are still to be rewritten: encrypting a workspace, or a vault from before v11. */
export async function needsRewrite(): Promise<boolean> {
	if ((await readEncryptionState()).state === 'migrating') return true;
	return !(await readLayoutState()).done;
}

export async function readFailures(): Promise<UnlockFailures> {
	const stored = await getMeta<UnlockFailures>(FAILURES);
	return stored ? { count: stored.count, served: stored.served ?? 0 } : { count: 0, served: 0 };
}

export function saveFailures({ count, served }: UnlockFailures): Promise<void> {
	return setMeta(FAILURES, { count, served: served ?? 0 });
}

export const ENCRYPTION_META_KEY = ENCRYPTION;

/** Whether any record was ever written (a workspace from before encryption holds plaintext). */
export async function hasRecords(): Promise<boolean> {
	const d = db();
	for (const table of RECORD_TABLES) if ((await d.recordTable(table).count()) > 0) return true;
	return false;
}
