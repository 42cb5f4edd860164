import { concatBytes, fromBase64, toBase64, utf8, wipe, type Bytes } from './bytes';
import { DamagedError } from './errors';
import { openBytes, sealBytes, type SealContext } from './seal';

/**
 * A write-only "drop box" for what must be written while the workspace is locked (the fixes of a
 * follow-along being recorded behind the lock screen). It is ECIES over P-256 (SEC 1 §5.1):
 * the drop box is an ECDH key pair whose public key is kept in the clear and whose private key
 * is sealed under the data key. While locked, each deposit makes an ephemeral key pair, derives
 * an AES-256-GCM key from ECDH(ephemeral private, drop-box public) with HKDF-SHA256, seals with
 * it and forgets the ephemeral private key: the writer can write but never read back, and no
 * key that opens anything stays in memory. After unlock, the drop-box private key (opened with
 * the data key) opens the deposits, which are then sealed normally.
 */
const subtle = () => globalThis.crypto.subtle;
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
/** An uncompressed P-256 point: 0x04 ‖ x ‖ y. */
const POINT_BYTES = 65;
const DEPOSIT_FORMAT = 1;

export interface StoredDropBox {
	/** The public key (raw point, base64). */
	publicKey: string;
	/** The private key (PKCS #8), sealed under the data key, bound to the public key. */
	sealedPrivate: Bytes;
	/**
	 * The writer keys of the last unlocks, newest first, each sealed under the data key (see
	 * `newWriter`). Absent in a vault from before deposits were tagged.
	 */
	writers?: StoredWriter[];
}

/**
 * The key that tags deposits (HMAC-SHA-256): made at each unlock and held in memory through the
 * lock that follows, so only the app that was unlocked on this device can make a deposit that is
 * taken. The public key alone, which is in the clear, no longer suffices to add fixes to a day.
 * It is also kept sealed under the data key, so deposits made before a reload can be checked at
 * the next unlock; someone with storage access but no passphrase can read neither.
 */
export interface WriterKey {
	id: string;
	key: CryptoKey;
}

export interface StoredWriter {
	id: string;
	sealed: Bytes;
}

/** How many unlocks' writer keys are kept (tabs unlocked one after another each make one). */
export const WRITERS_KEPT = 4;

export interface DropBoxKeys {
	publicKey: CryptoKey;
	/** Null while locked: only the public key is held then. */
	privateKey: CryptoKey | null;
	/** This unlock's writer key: held through the lock (null before any unlock in this page). */
	writer: WriterKey | null;
	/** The writer keys whose deposits are taken: only while unlocked. */
	verifiers: readonly WriterKey[];
	/** A vault from before deposits were tagged: its untagged deposits are taken once. */
	acceptUntagged: boolean;
}

const privateContext = (publicKey: string): SealContext => ({
	table: 'meta',
	id: `dropBox/${publicKey}`,
	v: 1
});

/** A new drop box for a new data key (first run, or a workspace from before the drop box). */
export async function createDropBox(dataKey: CryptoKey): Promise<StoredDropBox> {
	const pair = await subtle().generateKey(CURVE, true, ['deriveBits']);
	const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
	const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
	try {
		const publicKey = toBase64(raw);
		const sealedPrivate = await sealBytes(dataKey, privateContext(publicKey), pkcs8);
		return { publicKey, sealedPrivate };
	} finally {
		wipe(pkcs8);
	}
}

export function importDepositKey(publicKey: string): Promise<CryptoKey> {
	const raw = fromBase64(publicKey);
	if (raw.length !== POINT_BYTES) throw new DamagedError('key-file', 'invalid', 'drop box');
	return subtle().importKey('raw', raw, CURVE, true, []);
}

/**
 * Opens the drop box with the data key. A public key swapped in by someone who can write to
 * storage does not open: the sealed private key is bound to the public key it belongs to.
 */
export async function openDropBox(dataKey: CryptoKey, stored: StoredDropBox): Promise<DropBoxKeys> {
	const pkcs8 = await openBytes(dataKey, privateContext(stored.publicKey), stored.sealedPrivate);
	try {
		const privateKey = await subtle().importKey('pkcs8', pkcs8, CURVE, false, ['deriveBits']);
		return {
			publicKey: await importDepositKey(stored.publicKey),
			privateKey,
			writer: null,
			verifiers: [],
			acceptUntagged: false
		};
	} finally {
		wipe(pkcs8);
	}
}

const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;
const writerContext = (id: string): SealContext => ({
	table: 'meta',
	id: `dropBox/writer/${id}`,
	v: 1
});
const importWriter = (raw: Bytes) =>
	subtle().importKey('raw', raw, HMAC, false, ['sign', 'verify']);

/** A new writer key for this unlock, and its sealed form for the vault's state. */
export async function newWriter(
	dataKey: CryptoKey
): Promise<{ writer: WriterKey; stored: StoredWriter }> {
	const raw = globalThis.crypto.getRandomValues(new Uint8Array(32));
	const id = toBase64(globalThis.crypto.getRandomValues(new Uint8Array(12)));
	try {
		const sealed = await sealBytes(dataKey, writerContext(id), raw);
		return { writer: { id, key: await importWriter(raw) }, stored: { id, sealed } };
	} finally {
		wipe(raw);
	}
}

/** The writer keys of earlier unlocks (their sealed forms are authenticated with the vault state). */
export function openWriters(
	dataKey: CryptoKey,
	stored: readonly StoredWriter[]
): Promise<WriterKey[]> {
	return Promise.all(
		stored.map(async ({ id, sealed }) => {
			const raw = await openBytes(dataKey, writerContext(id), sealed);
			try {
				return { id, key: await importWriter(raw) };
			} finally {
				wipe(raw);
			}
		})
	);
}

/** What a deposit's tag covers: its id and its sealed bytes. */
const tagged = (id: string, payload: Bytes) =>
	concatBytes(utf8(`stedsans/deposit/v1\0${id}\0`), payload);

export async function tagDeposit(writer: WriterKey, id: string, payload: Bytes): Promise<Bytes> {
	return new Uint8Array(await subtle().sign('HMAC', writer.key, tagged(id, payload)));
}

/** Whether a deposit was made by one of `verifiers` (a deposit without a tag never was). */
export async function depositIsOurs(
	verifiers: readonly WriterKey[],
	deposit: { id: string; payload: unknown; writer?: unknown; tag?: unknown }
): Promise<boolean> {
	const { id, payload, writer, tag } = deposit;
	const key = verifiers.find((v) => v.id === writer)?.key;
	if (!key || !(tag instanceof Uint8Array) || !(payload instanceof Uint8Array)) return false;
	return subtle().verify('HMAC', key, tag as Bytes, tagged(id, payload as Bytes));
}

async function depositKey(
	secretFrom: { privateKey: CryptoKey; publicKey: CryptoKey },
	ephemeral: Bytes,
	recipient: Bytes
): Promise<CryptoKey> {
	const shared = new Uint8Array(
		await subtle().deriveBits(
			{ name: 'ECDH', public: secretFrom.publicKey },
			secretFrom.privateKey,
			256
		)
	);
	try {
		const base = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
		// Both public keys in the info (SEC 1 §5.1.3 "SharedInfo"): a deposit is bound to its pair.
		return await subtle().deriveKey(
			{
				name: 'HKDF',
				hash: 'SHA-256',
				salt: new Uint8Array(32),
				info: concatBytes(utf8('stedsans/drop-box/v1'), ephemeral, recipient)
			},
			base,
			{ name: 'AES-GCM', length: 256 },
			false,
			['encrypt', 'decrypt']
		);
	} finally {
		wipe(shared);
	}
}

/** Seals bytes for the drop box: [format 1][ephemeral public key 65][sealed]. */
export async function depositBytes(
	recipient: CryptoKey,
	ctx: SealContext,
	plaintext: Bytes
): Promise<Bytes> {
	const ephemeral = await subtle().generateKey(CURVE, false, ['deriveBits']);
	const epk = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
	const rpk = new Uint8Array(await subtle().exportKey('raw', recipient));
	const key = await depositKey(
		{ privateKey: ephemeral.privateKey, publicKey: recipient },
		epk,
		rpk
	);
	return concatBytes(Uint8Array.of(DEPOSIT_FORMAT), epk, await sealBytes(key, ctx, plaintext));
}

/** Opens one deposit with the drop box's private key (after unlock). */
export async function collectBytes(
	keys: Pick<DropBoxKeys, 'publicKey' | 'privateKey'>,
	ctx: SealContext,
	stored: unknown
): Promise<Bytes> {
	if (!keys.privateKey) throw new DamagedError('payload', 'invalid', 'drop box is closed');
	if (
		!(stored instanceof Uint8Array) ||
		stored.length < 1 + POINT_BYTES ||
		stored[0] !== DEPOSIT_FORMAT
	)
		throw new DamagedError('payload', 'wrong-format', `${ctx.table}/${ctx.id}`);
	const epk = stored.slice(1, 1 + POINT_BYTES);
	let ephemeral: CryptoKey;
	try {
		ephemeral = await subtle().importKey('raw', epk, CURVE, false, []);
	} catch {
		throw new DamagedError('payload', 'tampered', `${ctx.table}/${ctx.id}`);
	}
	const rpk = new Uint8Array(await subtle().exportKey('raw', keys.publicKey));
	const key = await depositKey({ privateKey: keys.privateKey, publicKey: ephemeral }, epk, rpk);
	return openBytes(key, ctx, stored.subarray(1 + POINT_BYTES));
}
