import type { StoredDropBox } from '$lib/crypto/drop-box';
import type { KeyFile } from '$lib/crypto/keys';
import { RECORD_TABLES, type RecordTable } from './db';
import { db, getMeta, setMeta } from './workspace';

/**
 * What encryption at rest keeps in the workspace's `meta` table, in the clear: the key file
 * (the data key wrapped under the passphrase and under the recovery key, nothing else), the drop
 * box (a public key and its private key sealed under the data key), how far encrypting an
 * existing workspace has come, and the count of wrong passphrases (for the back-off).
 */
const KEY_FILE = 'keyFile';
const DROP_BOX = 'dropBox';
const ENCRYPTION = 'encryption';
const FAILURES = 'unlockFailures';

/**
 * `migrating`: records written before encryption may still be plaintext; `cursor` is the last
 * row sealed, so an interrupted run goes on from there. `sealed`: every payload is sealed.
 */
export type EncryptionState =
	| { state: 'migrating'; cursor: { table: RecordTable; afterId: string } | null }
	| { state: 'sealed' };

export interface UnlockFailures {
	count: number;
	/** The device clock at the last attempt: shown, never trusted for the wait. */
	lastAt: number;
	/** How much of the current wait was sat out in the app (ms, monotonic clock). */
	served?: number;
}

export interface StoredVault {
	keyFile: unknown;
	dropBox: StoredDropBox | undefined;
	encryption: EncryptionState;
}

/** The stored keys of the open workspace, or undefined where encryption was never set up. */
export async function readVault(): Promise<StoredVault | undefined> {
	const keyFile = await getMeta<unknown>(KEY_FILE);
	if (keyFile === undefined) return undefined;
	return {
		keyFile,
		dropBox: await getMeta<StoredDropBox>(DROP_BOX),
		encryption: (await getMeta<EncryptionState>(ENCRYPTION)) ?? { state: 'sealed' }
	};
}

/** The first key file, the drop box and whether records are still to be encrypted, all at once. */
export async function saveNewVault(
	keyFile: KeyFile,
	dropBox: StoredDropBox,
	encryption: EncryptionState
): Promise<void> {
	const d = db();
	await d.transaction('rw', d.meta, async () => {
		await d.meta.bulkPut([
			{ key: KEY_FILE, value: keyFile },
			{ key: DROP_BOX, value: dropBox },
			{ key: ENCRYPTION, value: encryption },
			{ key: FAILURES, value: { count: 0, lastAt: 0, served: 0 } }
		]);
	});
}

export function saveKeyFile(keyFile: KeyFile): Promise<void> {
	return setMeta(KEY_FILE, keyFile);
}

export function saveDropBox(dropBox: StoredDropBox): Promise<void> {
	return setMeta(DROP_BOX, dropBox);
}

export async function readEncryptionState(): Promise<EncryptionState> {
	return (await getMeta<EncryptionState>(ENCRYPTION)) ?? { state: 'sealed' };
}

export async function readFailures(): Promise<UnlockFailures> {
	return (await getMeta<UnlockFailures>(FAILURES)) ?? { count: 0, lastAt: 0 };
}

export function saveFailures(failures: UnlockFailures): Promise<void> {
	return setMeta(FAILURES, failures);
}

export const ENCRYPTION_META_KEY = ENCRYPTION;

/** Whether any record was ever written (a workspace from before encryption holds plaintext). */
export async function hasRecords(): Promise<boolean> {
	const d = db();
	for (const table of RECORD_TABLES) if ((await d.recordTable(table).count()) > 0) return true;
	return false;
}
