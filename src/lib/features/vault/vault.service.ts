import { AesCodec } from '$lib/crypto/aes-codec';
import type { StoredDropBox } from '$lib/crypto/drop-box';
import { ChangedOutsideError, WrongPassphraseError } from '$lib/crypto/errors';
import type { KdfOptions } from '$lib/crypto/kdf';
import type { DataKeys, KeyFile, NewKeys } from '$lib/crypto/keys';
import { deriveMacKey } from '$lib/crypto/state-mac';
import { deriveSyncMac } from '$lib/crypto/sync-mac';
import { RECORD_TABLES, type RecordTable } from '$lib/db/db';
import { holdGuardKey, tagAll, verifyRecords } from '$lib/db/rollback-guard';
import { holdIndexKey } from '$lib/db/index-key';
import { sealPlainSyncState } from '$lib/db/sync-store';
import { identityCodec, useCodec } from '$lib/db/codec';
import type { EncryptOptions } from '$lib/db/encrypt-in-place';
import * as keystore from '$lib/db/keystore';
import { closeDropBox, forgetDropBox, holdDropBox } from './drop-box-keys.service';
import { UnlockGate, type MonotonicClock } from './unlock-gate.service';

export { TooSoonError } from './unlock-gate.service';

/**
 * Encryption at rest of the own workspace: its codec, its keys, locking and unlocking. The data
 * key lives only in the AES codec (as a non-extractable CryptoKey) while unlocked; locking drops
 * it and the drop box's private key, after which every read and write throws LockedError except
 * deposits into the drop box. The demo workspace (synthetic data) uses the identity codec.
 */

/** What an opened workspace needs: a passphrase first (`new`, `unencrypted`), or an unlock. */
export type VaultCondition = 'new' | 'unencrypted' | 'locked';

let codec = new AesCodec(null);
let gate = new UnlockGate();

/**
 * The key derivation (hash-wasm's Argon2id, its WebAssembly inlined) loads when first needed,
 * so the lock screen is up before it arrives; the screens ask for it as soon as they show.
 */
export const loadKeys = () => import('$lib/crypto/keys');
const loadDropBox = () => import('$lib/crypto/drop-box');
/** Tests pass cheap Argon2id costs; the app always uses the defaults. */
let kdfOptions: KdfOptions = {};

export function setKdfOptionsForTests(options: KdfOptions): void {
	kdfOptions = options;
}

/** Tests move the back-off's monotonic clock by hand. */
export function setUnlockClockForTests(clock: MonotonicClock): void {
	gate.reset();
	gate = new UnlockGate(clock);
}

/** The own workspace has opened: its codec is installed, locked, until the keys are opened. */
export async function attachVault(): Promise<VaultCondition> {
	codec = new AesCodec(null);
	useCodec(codec);
	forgetDropBox();
	keystore.holdStateKey(null);
	gate.reset();
	const vault = await keystore.readVault();
	holdGuardKey(null, vault !== undefined);
	holdIndexKey(null, vault !== undefined);
	if (vault) return 'locked';
	return (await keystore.hasRecords()) ? 'unencrypted' : 'new';
}

/** Another workspace (the demo) opens: nothing of the own workspace's keys stays. */
export function detachVault(): void {
	codec.lock();
	forgetDropBox();
	keystore.holdStateKey(null);
	holdGuardKey(null, false);
	holdIndexKey(null, false);
	gate.reset();
	useCodec(identityCodec);
}

export function isVaultLocked(): boolean {
	return codec.locked;
}

/** Keys made for a new passphrase, held in memory until the recovery key is confirmed saved. */
export type PendingKeys = NewKeys;

export async function prepareKeys(passphrase: string): Promise<PendingKeys> {
	return (await loadKeys()).createKeys(passphrase, kdfOptions);
}

/**
 * Stores the new keys and opens the workspace with them. A workspace with records from before
 * encryption is marked for encrypting in place (`encryptExisting`).
 */
export async function commitKeys(pending: PendingKeys): Promise<void> {
	const dropBox = await (await loadDropBox()).createDropBox(pending.dataKey);
	const migrate = await keystore.hasRecords();
	const stateKey = await deriveMacKey(pending.derivable, 'vault-state');
	await keystore.saveNewVault(
		pending.file,
		dropBox,
		migrate ? { state: 'migrating', cursor: null } : { state: 'sealed' },
		stateKey
	);
	await open(pending, stateKey, dropBox, migrate, undefined);
}

/**
 * The tables whose rows are checked against their tags before the workspace opens: small, and
 * where a row put back would undo a decision (a withdrawal, a purge, a release). The large ones
 * are checked just after (`checkRecords`), so opening a workspace of 20,000 notes stays quick.
 */
export const CHECKED_FIRST: readonly RecordTable[] = RECORD_TABLES.filter(
	(t) => !['notes', 'followAlongs', 'stops', 'fixChunks', 'placeRevisions'].includes(t)
);

async function open(
	keys: DataKeys,
	stateKey: CryptoKey,
	dropBox: StoredDropBox,
	migrating: boolean,
	guarded: readonly string[] | undefined
) {
	const boxes = await loadDropBox();
	const box = await boxes.openDropBox(keys.dataKey, dropBox);
	const earlier = await boxes.openWriters(keys.dataKey, dropBox.writers ?? []);
	const { writer, stored } = await boxes.newWriter(keys.dataKey);
	holdGuardKey(await deriveSyncMac(keys.derivable, 'rollback'), true);
	holdIndexKey(await deriveSyncMac(keys.derivable, 'index'), true);
	await checkRecords(CHECKED_FIRST.filter((t) => guarded?.includes(t)));
	codec = new AesCodec(keys.dataKey, { acceptPlaintext: migrating });
	useCodec(codec);
	keystore.holdStateKey(stateKey);
	const writers = [stored, ...(dropBox.writers ?? [])].slice(0, boxes.WRITERS_KEPT);
	await keystore.saveDropBox({ ...dropBox, writers }, stateKey);
	// Deposits of this unlock and the last few are taken; untagged ones only from a vault that
	// had no writer keys yet (deposits made by the version before).
	holdDropBox({
		...box,
		writer,
		verifiers: [writer, ...earlier],
		acceptUntagged: dropBox.writers === undefined
	});
	// Tables not tagged yet (a new vault, a workspace from before the guard): tagged as they are.
	const untagged = RECORD_TABLES.filter((t) => !guarded?.includes(t));
	if (untagged.length > 0) {
		await tagAll(untagged);
		await keystore.saveGuarded(RECORD_TABLES);
	}
	await sealWhatWasPlain();
}

/**
 * What a workspace from before kept in the clear in `meta` is sealed at unlock: team sync's
 * cursor and last time, the team import log (colleagues' names, times of imports).
 */
async function sealWhatWasPlain(): Promise<void> {
	await sealPlainSyncState();
	const { sealPlainImportLog } = await import('$lib/features/exchange/import-log.service');
	await sealPlainImportLog();
}

/**
 * Checks tables' rows against their tags (db/rollback-guard.ts). On a row put back or planted,
 * a tag or table missing, the keys go and ChangedOutsideError is thrown: nothing is used.
 */
export async function checkRecords(tables: readonly RecordTable[]): Promise<void> {
	try {
		await verifyRecords(tables);
	} catch (e) {
		if (e instanceof ChangedOutsideError) lockVault();
		throw e;
	}
}

/** The large tables, checked once the workspace is open (see CHECKED_FIRST). */
export async function checkRemainingRecords(): Promise<void> {
	const guarded = (await keystore.readVault())?.guarded ?? [];
	await checkRecords(
		RECORD_TABLES.filter((t) => !CHECKED_FIRST.includes(t) && guarded.includes(t))
	);
}

/**
 * The vault's state is checked against its tag before anything in it is used: a state changed
 * outside the app (encryption turned back to `migrating`, a drop box or key slot swapped) throws
 * ChangedOutsideError, and the workspace stays locked, its codec refusing everything.
 */
async function verifiedStateKey(keys: DataKeys, stored: keystore.StoredVault) {
	const stateKey = await deriveMacKey(keys.derivable, 'vault-state');
	if (!(await keystore.verifyVault(stored, stateKey))) throw new ChangedOutsideError('vault-state');
	return stateKey;
}

async function openStored(keys: DataKeys, stored: keystore.StoredVault): Promise<void> {
	const stateKey = await verifiedStateKey(keys, stored);
	let dropBox = stored.dropBox;
	if (!dropBox) {
		dropBox = await (await loadDropBox()).createDropBox(keys.dataKey);
		await keystore.saveDropBox(dropBox, stateKey);
	}
	const migrating = stored.encryption.state === 'migrating';
	await open(keys, stateKey, dropBox, migrating, stored.guarded);
}

async function requireVault(): Promise<keystore.StoredVault> {
	const stored = await keystore.readVault();
	if (!stored) throw new Error('Encryption is not set up in this workspace');
	return stored;
}

/** The wrong passphrases so far, and how long (ms) until the next may be tried (0: now). */
export function nextUnlockAttempt(): Promise<{ failures: number; waitMs: number }> {
	return gate.state();
}

/**
 * Unlocks with the passphrase. Every attempt is counted before the key is derived (persisted,
 * so a reload does not reset the back-off; one at a time, so parallel attempts cannot slip
 * past it): a wrong passphrase is rethrown as WrongPassphraseError, and a try before the
 * back-off allows is refused with TooSoonError without deriving anything (unlock-gate.ts).
 */
export async function unlock(passphrase: string): Promise<void> {
	const stored = await requireVault();
	const keys = await gate.attempt(
		async () => {
			const { unlockWithPassphrase } = await loadKeys();
			const started = performance.now();
			const key = await unlockWithPassphrase(stored.keyFile, passphrase, kdfOptions);
			// For the unlock benchmark: the derivation and unwrapping alone.
			performance.measure('stedsans:unlock', { start: started });
			return key;
		},
		(e) => e instanceof WrongPassphraseError
	);
	await openStored(keys, stored);
}

/** A forgotten passphrase: the recovery key opens the data key, which gets a new passphrase. */
export async function recover(recoveryKey: string, newPassphrase: string): Promise<void> {
	const stored = await requireVault();
	const { resetPassphrase, unlockWithRecoveryKey } = await loadKeys();
	const keys = await unlockWithRecoveryKey(stored.keyFile, recoveryKey);
	const file = await resetPassphrase(stored.keyFile, recoveryKey, newPassphrase, kdfOptions);
	// Opened (its state checked against its tag) before the new key file is tagged: a tampered
	// state is never signed anew.
	await openStored(keys, stored);
	await keystore.saveKeyFile(file);
	await keystore.saveFailures({ count: 0, served: 0 });
	gate.reset();
}

/**
 * Encrypts what was written before encryption, and rewrites rows from before version 11 into its
 * layout (one pass, db/encrypt-in-place.ts), then refuses plaintext from then on.
 */
export async function encryptExisting(options: EncryptOptions = {}): Promise<void> {
	// Only a workspace from before encryption needs it: loaded then.
	const { encryptInPlace } = await import('$lib/db/encrypt-in-place');
	await encryptInPlace(options);
	codec.refusePlaintext();
}

export function needsEncrypting(): Promise<boolean> {
	return keystore.needsRewrite();
}

/** Drops the keys: the data key and the drop box's private key. */
export function lockVault(): void {
	codec.lock();
	closeDropBox();
	keystore.holdStateKey(null);
	holdGuardKey(null, true);
	holdIndexKey(null, true);
}

/** Rewraps the data key under a new passphrase; no record is touched. */
export async function changePassphrase(current: string, next: string): Promise<void> {
	const stored = await requireVault();
	const { changePassphrase: rewrap } = await loadKeys();
	await keystore.saveKeyFile(await rewrap(stored.keyFile, current, next, kdfOptions));
}

/** A new recovery key (the old one stops working); shown once. */
export async function replaceRecoveryKey(passphrase: string): Promise<string> {
	const stored = await requireVault();
	const { replaceRecoveryKey: rewrap } = await loadKeys();
	const { file, recoveryKey } = await rewrap(stored.keyFile, passphrase, kdfOptions);
	await keystore.saveKeyFile(file);
	return recoveryKey;
}

/** What the Security section shows: how the key is derived, and when it was last changed. */
export async function keyFacts(): Promise<
	Pick<KeyFile, 'createdAt' | 'changedAt'> & {
		kdf: KeyFile['passphrase']['kdf'];
	}
> {
	const file = (await loadKeys()).parseKeyFile((await requireVault()).keyFile);
	return { createdAt: file.createdAt, changedAt: file.changedAt, kdf: file.passphrase.kdf };
}
