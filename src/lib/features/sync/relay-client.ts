import type { z } from 'zod';
import {
	CreateTeamRequest,
	GenerationSet,
	HEADER,
	Health,
	InviteCreated,
	KeysAdded,
	Membership,
	MyKeys,
	PullPage,
	PushResult,
	TeamState,
	canonicalRequest,
	isRetryable,
	toBase64Url,
	type Envelope,
	type InviteCode,
	type NextGeneration,
	type RelayEvent,
	type Wrap
} from '$lib/domain/sync';
import { utf8 } from '$lib/crypto/bytes';
import {
	inviteProof,
	sha256Base64Url,
	signText,
	type DeviceIdentity
} from '$lib/crypto/relay-keys';
import { pause, readEvents } from './relay-events';
import { RelayError, RelayUnreachableError, refusal } from './relay-errors';

export interface RelayClientOptions {
	/** e.g. "https://relay.example.org" */
	url: string;
	identity: DeviceIdentity;
	team?: string;
	fetch?: typeof fetch;
}

/**
 * The app's side of the relay protocol: every request signed with the device's key, every answer
 * parsed with the protocol's zod schemas. It moves envelopes; sealing them, and deciding what a
 * pulled envelope means, is the sync engine's job. The relay must be served at the root of its
 * origin (the signature covers the path as the relay sees it).
 */
export class RelayClient {
	readonly url: string;
	readonly identity: DeviceIdentity;
	team: string | undefined;
	#fetch: typeof fetch;
	/** relay clock − device clock, learnt from a `clock-skew` refusal. */
	#skew = 0;

	constructor(options: RelayClientOptions) {
		this.url = options.url.replace(/\/+$/, '');
		this.identity = options.identity;
		this.team = options.team;
		this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
	}

	get device(): string {
		return this.identity.device;
	}

	health() {
		return this.#send('GET', '/health', undefined, Health, false);
	}

	/** A new team id (16 random bytes), to wrap generation 1 for before the team is created. */
	static newTeamId(): string {
		return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
	}

	/** Creates the team `team` with this device as its admin; `wrappedKey` is generation 1 for it. */
	async createTeam(team: string, wrappedKey: string) {
		const body: CreateTeamRequest = { team, keys: this.identity.keys, wrappedKey };
		const m = await this.#send('POST', '/v1/teams', body, Membership);
		this.team = m.team;
		return m;
	}

	/** Joins with an invite code: sends its id and a proof made with its secret (never the secret). */
	async join(invite: InviteCode) {
		const keys = this.identity.keys;
		const proof = await inviteProof(invite, keys);
		const m = await this.#send('POST', '/v1/join', { invite: invite.id, keys, proof }, Membership);
		this.team = m.team;
		return m;
	}

	state() {
		return this.#send('GET', this.#path(''), undefined, TeamState);
	}

	/** Registers an invite this (admin) device made (`inviteFromRandom`); the relay keeps its id's hash. */
	createInvite(invite: InviteCode, expiresInSeconds: number) {
		const body = { invite: invite.id, expiresInSeconds };
		return this.#send('POST', this.#path('/invites'), body, InviteCreated);
	}

	/** Removes a device and starts the next key generation, wrapped for every remaining device. */
	remove(device: string, next: NextGeneration) {
		return this.#send('POST', this.#path('/remove'), { device, next }, GenerationSet);
	}

	rotate(next: NextGeneration) {
		return this.#send('POST', this.#path('/generations'), next, GenerationSet);
	}

	addKeys(generation: number, wraps: Wrap[]) {
		return this.#send('POST', this.#path('/keys'), { generation, wraps }, KeysAdded);
	}

	/** The team keys wrapped for this device, one per generation it was a member in. */
	async myKeys() {
		return (await this.#send('GET', this.#path('/keys'), undefined, MyKeys)).keys;
	}

	leave() {
		return this.#send('POST', this.#path('/leave'), {}, undefined);
	}

	push(envelopes: Envelope[]) {
		return this.#send('POST', this.#path('/push'), { envelopes }, PushResult);
	}

	pull(since: number, limit?: number) {
		const query = `?since=${since}${limit ? `&limit=${limit}` : ''}`;
		return this.#send('GET', this.#path(`/pull${query}`), undefined, PullPage);
	}

	/**
	 * Pushes in batches, retrying a batch while the relay is unreachable or busy (a retry is safe:
	 * the relay keeps each envelope id once). Gives up after `retryForMs` without progress.
	 */
	async pushAll(
		envelopes: Envelope[],
		options: { batch?: number; retryForMs?: number; onProgress?: (done: number) => void } = {}
	): Promise<PushResult['results']> {
		const { batch = 500, retryForMs = 60_000 } = options;
		const results: PushResult['results'] = [];
		for (let at = 0; at < envelopes.length; at += batch) {
			const part = envelopes.slice(at, at + batch);
			results.push(...(await this.#retrying(() => this.push(part), retryForMs)).results);
			options.onProgress?.(results.length);
		}
		return results;
	}

	/** Pulls every page after `since`; returns the last sequence number seen. */
	async pullAll(
		since: number,
		onPage: (page: PullPage) => void | Promise<void>,
		options: { limit?: number; retryForMs?: number } = {}
	): Promise<number> {
		const fetchPage = (from: number) =>
			this.#retrying(() => this.pull(from, options.limit), options.retryForMs ?? 60_000);
		let at = since;
		let next = fetchPage(at);
		for (;;) {
			const page = await next;
			at = page.envelopes.at(-1)?.seq ?? at;
			// The next page is asked for while this one is handled, so the relay's reading and the
			// device's opening and storing overlap. A handler that throws leaves it unread.
			if (page.more) {
				next = fetchPage(at);
				next.catch(() => undefined);
			}
			await onPage(page);
			if (!page.more) return at;
		}
	}

	/**
	 * Listens for "something new" until `signal` aborts, reconnecting with growing pauses when the
	 * stream drops. Rejects on a refusal that retrying cannot fix (the device was removed…).
	 */
	async subscribe(onEvent: (event: RelayEvent) => void, signal: AbortSignal): Promise<void> {
		let delay = 250;
		while (!signal.aborted) {
			try {
				const res = await this.#fetchSigned('GET', this.#path('/events'), undefined, signal);
				if (!res.ok) await refusal(res);
				delay = 250;
				await readEvents(res.body!, onEvent);
			} catch (e) {
				if (signal.aborted) return;
				if (e instanceof RelayError && !isRetryable(e.code)) throw e;
			}
			await pause(delay, signal);
			delay = Math.min(delay * 2, 10_000);
		}
	}

	async #retrying<T>(attempt: () => Promise<T>, retryForMs: number): Promise<T> {
		const started = Date.now();
		for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
			try {
				return await attempt();
			} catch (e) {
				const retryable =
					e instanceof RelayUnreachableError || (e instanceof RelayError && isRetryable(e.code));
				if (!retryable || Date.now() - started > retryForMs) throw e;
				const wait = e instanceof RelayError ? (e.details.retryAfterMs ?? delay) : delay;
				await pause(wait);
			}
		}
	}

	#path(rest: string): string {
		if (!this.team) throw new Error('No team yet: create or join one first');
		return `/v1/teams/${this.team}${rest}`;
	}

	async #fetchSigned(method: string, target: string, body: unknown, signal?: AbortSignal) {
		const bytes = body === undefined ? new Uint8Array(0) : utf8(JSON.stringify(body));
		const time = Date.now() + this.#skew;
		const nonce = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
		const device = this.identity.device;
		const bodyHash = await sha256Base64Url(bytes);
		const canonical = canonicalRequest({ method, target, device, time, nonce, bodyHash });
		const headers: Record<string, string> = {
			[HEADER.device]: device,
			[HEADER.time]: String(time),
			[HEADER.nonce]: nonce,
			[HEADER.signature]: await signText(this.identity.signing.privateKey, canonical)
		};
		if (body !== undefined) headers['content-type'] = 'application/json';
		try {
			return await this.#fetch(this.url + target, {
				method,
				headers,
				body: body === undefined ? undefined : bytes,
				signal
			});
		} catch (e) {
			if (signal?.aborted) throw e;
			throw new RelayUnreachableError(`The relay at ${this.url} cannot be reached`, { cause: e });
		}
	}

	async #send<S extends z.ZodType | undefined>(
		method: 'GET' | 'POST',
		target: string,
		body: unknown,
		schema: S,
		signed = true
	): Promise<S extends z.ZodType ? z.infer<S> : unknown> {
		for (let attempt = 0; ; attempt++) {
			const res = signed
				? await this.#fetchSigned(method, target, body)
				: await this.#fetch(this.url + target).catch((e: unknown) => {
						throw new RelayUnreachableError(`The relay at ${this.url} cannot be reached`, {
							cause: e
						});
					});
			if (res.ok) {
				let json: unknown;
				try {
					json = await res.json();
				} catch (e) {
					throw new RelayUnreachableError('The answer was cut off', { cause: e });
				}
				return (schema ? schema.parse(json) : json) as never;
			}
			try {
				await refusal(res);
			} catch (e) {
				// A wrong clock is corrected once from the relay's time; the request is signed anew.
				if (e instanceof RelayError && e.code === 'clock-skew' && attempt === 0) {
					this.#skew = (e.details.serverTime ?? Date.now()) - Date.now();
					continue;
				}
				throw e;
			}
		}
	}
}
