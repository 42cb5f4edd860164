import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deviceIdOf } from '../../src/lib/crypto/relay-keys.ts';
import { DeviceKeys } from '../../src/lib/domain/sync/index.ts';
import { readAuth, Verifier } from './auth.ts';
import { DEFAULT_LIMITS, type Limits } from './config.ts';
import type { Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { Refusal } from './errors.ts';
import { CORS, readBody, sendJson } from './http.ts';
import { Hub } from './hub.ts';
import { jsonLogger, type LogFields, type Logger } from './log.ts';
import { RateLimiter } from './rate.ts';
import { routes, type Ctx, type Deps } from './routes.ts';
import { LogStore } from './log-store.ts';
import { Store } from './store.ts';
import { serveApp } from './static.ts';

export interface RelayOptions {
	db: Db;
	limits?: Partial<Limits>;
	logger?: Logger;
	/** The relay's clock (tests move it on to expire invites). */
	now?: () => number;
	/** A folder holding the app's build, served at the relay's origin (see static.ts). */
	app?: string;
}

export interface Relay {
	server: Server;
	store: Store;
	hub: Hub;
	listen(port: number, host?: string): Promise<string>;
	close(): Promise<void>;
}

/** The relay on an open database: migrations applied, routes served, limits enforced. */
export async function createRelay(options: RelayOptions): Promise<Relay> {
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const now = options.now ?? Date.now;
	const logger = options.logger ?? jsonLogger();
	const store = new Store(options.db);
	for (const name of await migrate(options.db)) logger('info', 'migrated', { migration: name });
	const hub = new Hub();
	const deps: Deps = { store, logStore: new LogStore(options.db), hub, limits, now };
	const verifier = new Verifier(store, limits.clockWindowMs, now);
	const rate = new RateLimiter(limits.ratePerSecond, limits.rateBurst, now);
	const chores = setInterval(() => {
		rate.sweep();
		store
			.forgetNonces(now())
			.catch((e: unknown) => logger('warn', 'nonce cleanup failed', { error: String(e) }));
	}, 60_000);
	chores.unref();

	async function handle(req: IncomingMessage, res: ServerResponse, log: LogFields) {
		const url = new URL(req.url ?? '/', 'http://relay');
		if (req.method === 'OPTIONS') {
			res.writeHead(204, CORS).end();
			return;
		}
		const route = routes.find((r) => r.path.test(url.pathname) && r.method === req.method);
		if (!route && options.app && req.method === 'GET' && !url.pathname.startsWith('/v1/')) {
			log.route = 'app';
			return serveApp(options.app, url.pathname, res);
		}
		if (!route) throw new Refusal('not-found', 'No such route');
		log.route = route.name;
		const team = route.path.exec(url.pathname)?.[1] ?? '';
		const ctx: Ctx = {
			req,
			res,
			url,
			body: new Uint8Array(0),
			team,
			device: '',
			member: null,
			log
		};
		if (route.access !== 'public') {
			const auth = readAuth(req.headers);
			ctx.device = log.device = auth.device;
			ctx.body = await readBody(req, limits.requestBytes);
			const signed = { method: req.method!, target: req.url ?? '/', body: ctx.body };
			if (route.access === 'self') {
				// The key comes with the request: the device proves it holds it by signing with it.
				const keys = selfKeys(ctx.body);
				if ((await deviceIdOf(keys.signingKey)) !== auth.device)
					throw new Refusal('bad-signature', 'The device id is not that of the signing key');
				await verifier.verify(auth, keys.signingKey, signed);
			} else {
				log.team = team;
				ctx.member = await store.member(team, auth.device);
				if (!ctx.member) throw new Refusal('not-member', 'This device is not in this team');
				await verifier.verify(auth, ctx.member.signing_key, signed);
				if (ctx.member.status !== 'active')
					throw new Refusal('removed', 'This device was removed from the team');
				if (route.access === 'admin' && ctx.member.role !== 'admin')
					throw new Refusal('not-admin', 'Only the admin may do this');
			}
			const wait = rate.take(auth.device);
			if (wait) throw new Refusal('rate-limited', 'Too many requests', { retryAfterMs: wait });
		}
		const sent = await route.handle(ctx, deps);
		if (typeof sent === 'number') log.out = sent;
	}

	const server = createServer((req, res) => {
		const started = performance.now();
		const log: LogFields = { method: req.method };
		handle(req, res, log)
			.catch((e: unknown) => {
				if (e instanceof Refusal) {
					log.code = e.code;
					if (!res.headersSent) {
						if (e.code === 'request-too-large') res.setHeader('connection', 'close');
						sendJson(res, e.status, e.body());
					}
					return;
				}
				// The error's name only: a driver's message can quote the values of a statement.
				log.code = 'internal';
				log.error = e instanceof Error ? e.name : 'unknown';
				if (!res.headersSent) sendJson(res, 500, new Refusal('internal', 'Internal error').body());
				else res.destroy();
			})
			.finally(() => {
				log.status = res.statusCode;
				log.ms = Math.round((performance.now() - started) * 10) / 10;
				logger(log.status && Number(log.status) >= 500 ? 'error' : 'info', 'request', log);
			});
	});
	server.keepAliveTimeout = 65_000;

	return {
		server,
		store,
		hub,
		listen(port, host = '127.0.0.1') {
			return new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, () => {
					const address = server.address() as AddressInfo;
					resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
				});
			});
		},
		async close() {
			clearInterval(chores);
			hub.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

function selfKeys(body: Uint8Array): DeviceKeys {
	try {
		const parsed = DeviceKeys.safeParse(
			(JSON.parse(Buffer.from(body).toString('utf8')) as { keys?: unknown }).keys
		);
		if (parsed.success) return parsed.data;
	} catch {
		// falls through to the refusal
	}
	throw new Refusal('invalid', 'The body must hold the device keys', {
		issues: [{ path: 'keys', message: 'expected the signing and box keys' }]
	});
}
