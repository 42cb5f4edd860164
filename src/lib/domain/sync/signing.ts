import { z } from 'zod';
import { base64UrlLength, isBase64Url } from './base64url';

/**
 * Every request to the relay is signed by the device (ECDSA P-256 with SHA-256, the signature in
 * WebCrypto's raw r ‖ s form). The signature covers the method, the path with its query, the
 * device, the device's time, a random nonce and the SHA-256 of the body, so a request cannot be
 * changed, sent to another route, or sent again: the relay refuses a time outside its window and
 * a nonce it has seen from that device within the window.
 */
export const HEADER = {
	device: 'relay-device',
	time: 'relay-time',
	nonce: 'relay-nonce',
	signature: 'relay-signature'
} as const;

export const RequestAuth = z.object({
	device: z.string().length(base64UrlLength(16)).refine(isBase64Url),
	time: z.coerce.number().pipe(z.int().min(0)),
	nonce: z.string().length(base64UrlLength(16)).refine(isBase64Url),
	signature: z.string().length(base64UrlLength(64)).refine(isBase64Url)
});
export type RequestAuth = z.infer<typeof RequestAuth>;

export interface SignedParts {
	method: string;
	/** The path and query exactly as sent, e.g. `/v1/teams/abc/pull?since=10`. */
	target: string;
	device: string;
	time: number;
	nonce: string;
	/** base64url of SHA-256 of the body bytes (of nothing for a GET). */
	bodyHash: string;
}

/** The text that is signed: a JSON array, so no field can bleed into the next. */
export function canonicalRequest(p: SignedParts): string {
	return JSON.stringify([
		'stedsans-relay-request/v1',
		p.method.toUpperCase(),
		p.target,
		p.device,
		p.time,
		p.nonce,
		p.bodyHash
	]);
}
