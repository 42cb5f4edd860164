import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	AddKeysRequest,
	CreateInviteRequest,
	CreateTeamRequest,
	JoinRequest,
	NextGeneration,
	PROTOCOL_VERSION,
	PullQuery,
	PushRequest,
	RemoveDeviceRequest
} from '../../src/lib/domain/sync/index.ts';
import { sha256Base64Url } from '../../src/lib/crypto/relay-keys.ts';
import type { Limits } from './config.ts';
import { Refusal } from './errors.ts';
import { CORS, parseBody, parseWith, sendJson } from './http.ts';
import type { Hub } from './hub.ts';
import type { LogFields } from './log.ts';
import type { LogStore } from './log-store.ts';
import type { Member, Store } from './store.ts';

export interface Ctx {
	req: IncomingMessage;
	res: ServerResponse;
	url: URL;
	body: Uint8Array<ArrayBuffer>;
	/** Set for team routes once the signature holds. */
	team: string;
	device: string;
	member: Member | null;
	log: LogFields;
}

export interface Deps {
	store: Store;
	logStore: LogStore;
	hub: Hub;
	limits: Limits;
	now: () => number;
}

/**
 * - `public`: no signature (health);
 * - `self`: signed with the key in the body (a device creating a team or joining one);
 * - `member`: signed by an active device of the team in the path; `admin`: by its admin.
 */
export type Access = 'public' | 'self' | 'member' | 'admin';

export interface Route {
	name: string;
	method: 'GET' | 'POST';
	path: RegExp;
	access: Access;
	handle(ctx: Ctx, deps: Deps): Promise<number | void>;
}

const hashInvite = (id: string) => sha256Base64Url(new TextEncoder().encode(id));

export const routes: Route[] = [
	{
		name: 'health',
		method: 'GET',
		path: /^\/health$/,
		access: 'public',
		handle: async ({ res }) => sendJson(res, 200, { ok: true, protocol: PROTOCOL_VERSION })
	},
	{
		name: 'create-team',
		method: 'POST',
		path: /^\/v1\/teams$/,
		access: 'self',
		async handle({ res, body, device }, { store }) {
			const request = parseBody(body, CreateTeamRequest);
			await store.createTeam(request.team, device, request.keys, request.wrappedKey);
			return sendJson(res, 201, { team: request.team, device, generation: 1 });
		}
	},
	{
		name: 'join',
		method: 'POST',
		path: /^\/v1\/join$/,
		access: 'self',
		async handle({ res, body, device, log }, { store, hub, limits, now }) {
			const request = parseBody(body, JoinRequest);
			const joined = await store.join(
				await hashInvite(request.invite),
				device,
				request.keys,
				request.proof,
				now(),
				limits.devicesPerTeam
			);
			log.team = joined.team;
			hub.send(joined.team, { type: 'team', generation: joined.generation });
			return sendJson(res, 201, { team: joined.team, device, generation: joined.generation });
		}
	},
	{
		name: 'team',
		method: 'GET',
		path: /^\/v1\/teams\/([\w-]{22})$/,
		access: 'member',
		handle: async ({ res, team }, { store }) => sendJson(res, 200, await store.teamState(team))
	},
	{
		name: 'invite',
		method: 'POST',
		path: /^\/v1\/teams\/([\w-]{22})\/invites$/,
		access: 'admin',
		async handle({ res, body, team }, { store, now }) {
			const request = parseBody(body, CreateInviteRequest);
			const expiresAt = now() + request.expiresInSeconds * 1000;
			await store.createInvite(team, await hashInvite(request.invite), expiresAt);
			return sendJson(res, 201, { expiresAt });
		}
	},
	{
		name: 'remove',
		method: 'POST',
		path: /^\/v1\/teams\/([\w-]{22})\/remove$/,
		access: 'admin',
		async handle({ res, body, team, device }, { store, hub }) {
			const request = parseBody(body, RemoveDeviceRequest);
			await store.rotate(team, device, request.next, request.device);
			hub.drop(team, request.device);
			hub.send(team, { type: 'team', generation: request.next.generation });
			return sendJson(res, 200, { generation: request.next.generation });
		}
	},
	{
		name: 'rotate',
		method: 'POST',
		path: /^\/v1\/teams\/([\w-]{22})\/generations$/,
		access: 'admin',
		async handle({ res, body, team, device }, { store, hub }) {
			const next = parseBody(body, NextGeneration);
			await store.rotate(team, device, next);
			hub.send(team, { type: 'team', generation: next.generation });
			return sendJson(res, 200, { generation: next.generation });
		}
	},
	{
		name: 'add-keys',
		method: 'POST',
		path: /^\/v1\/teams\/([\w-]{22})\/keys$/,
		access: 'member',
		async handle({ res, body, team, device }, { store, hub }) {
			const request = parseBody(body, AddKeysRequest);
			const added = await store.addWraps(team, request.generation, device, request.wraps);
			const { generation } = await store.teamState(team);
			hub.send(team, { type: 'team', generation });
			return sendJson(res, 200, { added });
		}
	},
	{
		name: 'my-keys',
		method: 'GET',
		path: /^\/v1\/teams\/([\w-]{22})\/keys$/,
		access: 'member',
		handle: async ({ res, team, device }, { store }) =>
			sendJson(res, 200, { keys: await store.myKeys(team, device) })
	},
	{
		name: 'leave',
		method: 'POST',
		path: /^\/v1\/teams\/([\w-]{22})\/leave$/,
		access: 'member',
		async handle({ res, team, device, member }, { store, hub }) {
			if (member?.role === 'admin') throw new Refusal('admin-stays', 'The admin cannot leave');
			await store.leave(team, device);
			hub.drop(team, device);
			const { generation } = await store.teamState(team);
			hub.send(team, { type: 'team', generation });
			return sendJson(res, 200, { left: true });
		}
	},
	{
		name: 'push',
		method: 'POST',
		path: /^\/v1\/teams\/([\w-]{22})\/push$/,
		access: 'member',
		async handle({ res, body, team, log }, { logStore, hub, limits }) {
			const request = parseBody(body, PushRequest);
			if (request.envelopes.length > limits.envelopesPerPush)
				throw new Refusal('too-many-envelopes', `At most ${limits.envelopesPerPush} per push`, {
					limit: limits.envelopesPerPush
				});
			const maxText = Math.ceil((limits.envelopeBytes * 4) / 3);
			if (request.envelopes.some((e) => e.ciphertext.length > maxText))
				throw new Refusal(
					'envelope-too-large',
					`An envelope is at most ${limits.envelopeBytes} bytes`,
					{
						limit: limits.envelopeBytes
					}
				);
			const out = await logStore.push(team, request.envelopes, limits.logBytes);
			Object.assign(log, {
				envelopes: request.envelopes.length,
				added: out.added,
				bytes: out.bytes
			});
			if (out.added) hub.send(team, { type: 'head', head: out.head });
			return sendJson(res, 200, { results: out.results, head: out.head });
		}
	},
	{
		name: 'pull',
		method: 'GET',
		path: /^\/v1\/teams\/([\w-]{22})\/pull$/,
		access: 'member',
		async handle({ res, url, team, log }, { logStore, limits }) {
			const q = parseWith(Object.fromEntries(url.searchParams), PullQuery);
			const page = await logStore.pull(
				team,
				q.since,
				Math.min(q.limit ?? limits.pullPage, limits.pullPage),
				limits.pullPageBytes
			);
			Object.assign(log, { envelopes: page.envelopes.length, bytes: page.bytes });
			return sendJson(res, 200, { envelopes: page.envelopes, head: page.head, more: page.more });
		}
	},
	{
		name: 'events',
		method: 'GET',
		path: /^\/v1\/teams\/([\w-]{22})\/events$/,
		access: 'member',
		async handle({ res, team, device }, { store, hub }) {
			res.writeHead(200, {
				...CORS,
				'content-type': 'text/event-stream; charset=utf-8',
				'cache-control': 'no-store',
				'x-accel-buffering': 'no'
			});
			const { head, generation } = await store.teamState(team);
			res.write(`event: team\ndata: ${JSON.stringify({ type: 'team', generation })}\n\n`);
			res.write(`event: head\ndata: ${JSON.stringify({ type: 'head', head })}\n\n`);
			hub.add(team, device, res);
		}
	}
];
