import { describe, expect, it } from 'vitest';
import { fromBase64Url, isBase64Url, toBase64Url } from './base64url';
import { RELAY_ERRORS, RelayErrorBody } from './errors';
import { Envelope, PullQuery, PushRequest } from './protocol';
import { canonicalRequest } from './signing';

const envelope = {
	id: toBase64Url(new Uint8Array(16).fill(1)),
	generation: 1,
	nonce: toBase64Url(new Uint8Array(12).fill(2)),
	ciphertext: toBase64Url(new Uint8Array(40).fill(3))
};

describe('the relay protocol', () => {
	it('base64url round-trips every byte value and refuses other alphabets', () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(fromBase64Url(toBase64Url(all))).toEqual(all);
		expect(toBase64Url(all)).not.toMatch(/[+/=]/);
		expect(isBase64Url('ab+c')).toBe(false);
		expect(() => fromBase64Url('a')).toThrow(TypeError);
	});

	it('an envelope is id, generation, nonce and ciphertext: nothing else gets through', () => {
		expect(Envelope.parse(envelope)).toEqual(envelope);
		expect(Envelope.safeParse({ ...envelope, table: 'notes' }).success).toBe(false);
		expect(Envelope.safeParse({ ...envelope, updatedAt: 1 }).success).toBe(false);
		expect(Envelope.safeParse({ ...envelope, id: 'short' }).success).toBe(false);
		expect(Envelope.safeParse({ ...envelope, generation: 0 }).success).toBe(false);
		expect(Envelope.safeParse({ ...envelope, ciphertext: 'not base64!' }).success).toBe(false);
		expect(PushRequest.safeParse({ envelopes: [] }).success).toBe(false);
	});

	it('reads pull queries from the URL', () => {
		expect(PullQuery.parse({ since: '10', limit: '50' })).toEqual({ since: 10, limit: 50 });
		expect(PullQuery.safeParse({ since: '-1' }).success).toBe(false);
		expect(PullQuery.safeParse({ since: '1.5' }).success).toBe(false);
	});

	it('signs a canonical text in which no field can pass for another', () => {
		const parts = {
			method: 'post',
			target: '/v1/teams/x/push',
			device: 'd',
			time: 1,
			nonce: 'n',
			bodyHash: 'h'
		};
		const text = canonicalRequest(parts);
		expect(JSON.parse(text)).toEqual([
			'stedsans-relay-request/v1',
			'POST',
			'/v1/teams/x/push',
			'd',
			1,
			'n',
			'h'
		]);
		expect(canonicalRequest({ ...parts, target: '/v1/teams/x/push","d' })).not.toBe(text);
	});

	it('every error code has one status, and error bodies parse', () => {
		for (const status of Object.values(RELAY_ERRORS)) expect(status).toBeGreaterThanOrEqual(400);
		expect(RelayErrorBody.parse({ error: { code: 'replayed', message: 'x' } }).error.code).toBe(
			'replayed'
		);
		expect(RelayErrorBody.safeParse({ error: { code: 'nope', message: 'x' } }).success).toBe(false);
	});
});
