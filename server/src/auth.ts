import {
	HEADER,
	RequestAuth,
	canonicalRequest,
	type RequestAuth as Auth
} from '../../src/lib/domain/sync/index.ts';
import { importSigningKey, sha256Base64Url, verifyText } from '../../src/lib/crypto/relay-keys.ts';
import type { IncomingHttpHeaders } from 'node:http';
import { Refusal } from './errors.ts';
import type { Store } from './store.ts';

/** The signature headers of a request, or `unauthenticated`. */
export function readAuth(headers: IncomingHttpHeaders): Auth {
	const parsed = RequestAuth.safeParse({
		device: headers[HEADER.device],
		time: headers[HEADER.time],
		nonce: headers[HEADER.nonce],
		signature: headers[HEADER.signature]
	});
	if (!parsed.success)
		throw new Refusal(
			'unauthenticated',
			'Sign the request (relay-device, -time, -nonce, -signature)'
		);
	return parsed.data;
}

/**
 * Checks a request's signature, time and nonce, in that order of cost: a time outside the window
 * is refused before any crypto; the nonce is stored only once the signature holds, so no one
 * can use up a device's nonces.
 */
export class Verifier {
	#keys = new Map<string, Promise<CryptoKey>>();
	constructor(
		private readonly store: Store,
		private readonly windowMs: number,
		private readonly now: () => number
	) {}

	async verify(
		auth: Auth,
		signingKey: string,
		request: { method: string; target: string; body: Uint8Array<ArrayBuffer> }
	): Promise<void> {
		const now = this.now();
		if (Math.abs(now - auth.time) > this.windowMs)
			throw new Refusal('clock-skew', "The request's time is outside the relay's window", {
				serverTime: now
			});
		const canonical = canonicalRequest({
			method: request.method,
			target: request.target,
			device: auth.device,
			time: auth.time,
			nonce: auth.nonce,
			bodyHash: await sha256Base64Url(request.body)
		});
		let ok: boolean;
		try {
			ok = await verifyText(await this.#key(signingKey), canonical, auth.signature);
		} catch {
			ok = false;
		}
		if (!ok) throw new Refusal('bad-signature', 'The signature does not verify');
		// Kept a little past the window, so a request cannot come back the moment its nonce is gone.
		if (!(await this.store.rememberNonce(auth.device, auth.nonce, now + 2 * this.windowMs)))
			throw new Refusal('replayed', 'This request was sent before');
	}

	#key(signingKey: string): Promise<CryptoKey> {
		let key = this.#keys.get(signingKey);
		if (!key) {
			if (this.#keys.size > 10_000) this.#keys.clear();
			key = importSigningKey(signingKey);
			key.catch(() => this.#keys.delete(signingKey));
			this.#keys.set(signingKey, key);
		}
		return key;
	}
}
