import { describe, expect, it } from 'vitest';
import { utf8, type Bytes } from './bytes';
import {
	CHUNK_BYTES,
	envelopeVersion,
	openChunked,
	openEnvelopeText,
	sealChunked
} from './chunked-envelope';
import { DamagedError, KdfTooCostlyError, WrongPassphraseError } from './errors';
import { deriveNewSecret, deriveSecret } from './kdf';
import { sealEnvelope } from './envelope';
import { CHEAP_KDF } from '$lib/testing/crypto';

const PASS = 'fire tilfældige ord her';

/** A file's bytes in pieces of `size`, as a browser's File.stream() hands them over. */
async function* pieces(text: string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
	const bytes = utf8(text);
	for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function sealed(content: Bytes): Promise<string> {
	const { params, secret } = await deriveNewSecret(PASS, CHEAP_KDF);
	return sealChunked(content, 'backup', params, secret);
}

async function open(text: string, passphrase = PASS) {
	const out: Uint8Array[] = [];
	await openChunked(
		pieces(text),
		(header) => {
			if (header.kdf.alg === 'team-key') throw new Error('not here');
			return deriveSecret(passphrase, header.kdf);
		},
		async (plain) => void out.push(plain)
	);
	return out;
}

describe('the chunked envelope (version 2)', () => {
	const content = Uint8Array.from({ length: 2.5 * CHUNK_BYTES }, (_, i) => (i * 31) % 251);

	it('seals in 1 MiB chunks and opens a chunk at a time, in order', async () => {
		const text = await sealed(content);
		expect(envelopeVersion(text)).toBe(2);
		expect(JSON.parse(text).chunks).toHaveLength(3);
		const out = await open(text);
		expect(out.map((c) => c.length)).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES / 2]);
		const joined = new Uint8Array(content.length);
		let at = 0;
		for (const c of out) joined.set(c, (at += c.length) - c.length);
		// Buffer.compare: vitest's deep equality walks 2.5 million elements one by one.
		expect(Buffer.compare(joined, content)).toBe(0);
		expect(await open(await sealed(new Uint8Array(0)))).toEqual([new Uint8Array(0)]);
	});

	it('refuses chunks moved, dropped at the end or changed, and a wrong passphrase before any', async () => {
		const json = JSON.parse(await sealed(content)) as { chunks: string[] };
		const variants = {
			swapped: [json.chunks[1]!, json.chunks[0]!, json.chunks[2]!],
			cut: json.chunks.slice(0, 2),
			repeated: [...json.chunks, json.chunks[2]!],
			changed: [
				json.chunks[0]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
				...json.chunks.slice(1)
			]
		};
		for (const chunks of Object.values(variants))
			await expect(open(JSON.stringify({ ...json, chunks }))).rejects.toBeInstanceOf(DamagedError);
		const reached: Uint8Array[] = [];
		await expect(
			openChunked(
				pieces(JSON.stringify(json)),
				(h) => deriveSecret('tre forkerte ord her', h.kdf as never),
				async (p) => void reached.push(p)
			)
		).rejects.toBeInstanceOf(WrongPassphraseError);
		expect(reached).toEqual([]);
		await expect(open(JSON.stringify(json).slice(0, 5000))).rejects.toBeInstanceOf(DamagedError);
	});

	it('refuses a header asking for more than the app would choose, before deriving', async () => {
		const json = JSON.parse(await sealed(utf8('{}')));
		const hostile = JSON.stringify({ ...json, kdf: { ...json.kdf, m: 256 * 1024, t: 10 } });
		let derived = false;
		await expect(
			openChunked(
				pieces(hostile),
				async () => {
					derived = true;
					return new Uint8Array(32);
				},
				async () => undefined
			)
		).rejects.toBeInstanceOf(KdfTooCostlyError);
		expect(derived).toBe(false);
	});

	it('tells a version-1 envelope and a plaintext file from it by their first bytes', async () => {
		expect(envelopeVersion(await sealEnvelope('{}', PASS, CHEAP_KDF))).toBe(1);
		expect(envelopeVersion('{"format":"stedsans-backup"}')).toBeNull();
	});
});

describe('opening an envelope held whole', () => {
	it('opens both versions with the passphrase', async () => {
		const v2 = await sealed(utf8('{"a":"æøå"}'));
		const v1 = await sealEnvelope('{"a":"æøå"}', PASS, CHEAP_KDF);
		expect(await openEnvelopeText(v2, { passphrase: PASS })).toBe('{"a":"æøå"}');
		expect(await openEnvelopeText(v1, { passphrase: PASS })).toBe('{"a":"æøå"}');
	});
});
