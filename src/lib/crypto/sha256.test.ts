import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { hmacSha256, sha256 } from './sha256';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (s: string) => Uint8Array.from(s.match(/../g)!, (h) => parseInt(h, 16));

describe('SHA-256 and HMAC in plain script', () => {
	it('gives the NIST vectors, and what WebCrypto gives at every length around a block', async () => {
		expect(hex(sha256(utf8('abc')))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		expect(hex(sha256(new Uint8Array(0)))).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		for (const n of [1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
			const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
			const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
			expect(hex(sha256(data.subarray(0, 7), data.subarray(7))), `length ${n}`).toBe(hex(expected));
		}
	});

	it('gives the RFC 4231 HMAC vectors and agrees with WebCrypto', async () => {
		const key = unhex('0b'.repeat(20));
		expect(hex(hmacSha256(key, utf8('Hi There')))).toBe(
			'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'
		);
		expect(hex(hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
		);
		const raw = crypto.getRandomValues(new Uint8Array(32));
		const k = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
			'sign'
		]);
		const msg = crypto.getRandomValues(new Uint8Array(3000));
		expect(hex(hmacSha256(raw, msg))).toBe(
			hex(new Uint8Array(await crypto.subtle.sign('HMAC', k, msg)))
		);
	});
});
