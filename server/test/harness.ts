import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { randomBytes, utf8 } from '../../src/lib/crypto/bytes.ts';
import { importTeamKey, sealEnvelope } from '../../src/lib/crypto/relay-envelope.ts';
import {
	generateDeviceIdentity,
	sha256Base64Url,
	signText,
	wrapTeamKey
} from '../../src/lib/crypto/relay-keys.ts';
import { canonicalRequest, toBase64Url, type Envelope } from '../../src/lib/domain/sync/index.ts';
import { RelayClient } from '../../src/lib/features/sync/relay-client.ts';
import { RelayError } from '../../src/lib/features/sync/relay-errors.ts';
import { createRelay, type Relay, type RelayOptions } from '../src/app.ts';
import { openDb, type Db } from '../src/db/db.ts';
import type { LogFields } from '../src/log.ts';

export type Backend = 'pglite' | 'postgres';

/** The backends this run covers: both, unless RELAY_TEST_SKIP_POSTGRES says PGlite alone. */
export const BACKENDS: Backend[] = process.env.RELAY_TEST_SKIP_POSTGRES
	? ['pglite']
	: ['pglite', 'postgres'];

/** A fresh, empty database of the backend, and how to throw it away. */
export interface Storage {
	backend: Backend;
	/** PGlite's folder, or PostgreSQL's URL: what a relay process is started with. */
	dataDir?: string;
	databaseUrl?: string;
	open(): Promise<Db>;
	drop(): Promise<void>;
}

export async function freshStorage(backend: Backend): Promise<Storage> {
	if (backend === 'pglite') {
		const dataDir = mkdtempSync(join(tmpdir(), 'relay-test-'));
		return {
			backend,
			dataDir,
			open: () => openDb({ dataDir }),
			drop: async () => rmSync(dataDir, { recursive: true, force: true })
		};
	}
	const admin = process.env.RELAY_TEST_DATABASE_URL;
	if (!admin) throw new Error('RELAY_TEST_DATABASE_URL is not set (see global-setup.ts)');
	const name = `relay_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	await adminQuery(admin, `CREATE DATABASE ${name}`);
	const url = new URL(admin);
	url.pathname = `/${name}`;
	const databaseUrl = url.toString();
	return {
		backend,
		databaseUrl,
		open: () => openDb({ databaseUrl }),
		drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
	};
}

async function adminQuery(url: string, sql: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

export interface Running {
	relay: Relay;
	db: Db;
	url: string;
	logs: LogFields[];
	stop(): Promise<void>;
}

/** A relay in this process on a free loopback port, its log lines kept for the tests to read. */
export async function startRelay(
	storage: Storage,
	options: Omit<RelayOptions, 'db'> = {}
): Promise<Running> {
	const db = await storage.open();
	const logs: LogFields[] = [];
	const relay = await createRelay({
		db,
		logger: (level, msg, fields) => logs.push({ level, msg, ...fields }),
		...options
	});
	const url = await relay.listen(0);
	return {
		relay,
		db,
		url,
		logs,
		async stop() {
			await relay.close();
			await db.close();
		}
	};
}

export async function newClient(url: string, team?: string): Promise<RelayClient> {
	return new RelayClient({ url, identity: await generateDeviceIdentity(), team });
}

/** A team as the app would make it: a random generation-1 key wrapped for the admin. */
export async function newTeam(url: string) {
	const admin = await newClient(url);
	const secret = randomBytes(32);
	const team = RelayClient.newTeamId();
	const { device, identity } = admin;
	await admin.createTeam(
		team,
		await wrapTeamKey(secret, { team, generation: 1, device, boxKey: identity.keys.boxKey })
	);
	return { admin, team, secret, key: await importTeamKey(secret) };
}

/** Envelopes whose plaintext holds `marker`: sealed for real, as the app would. */
export async function envelopes(
	key: CryptoKey,
	team: string,
	count: number,
	marker = 'MARKER',
	generation = 1
): Promise<Envelope[]> {
	const out: Envelope[] = [];
	for (let i = 0; i < count; i++)
		out.push(
			await sealEnvelope(
				key,
				{ team, generation },
				utf8(JSON.stringify({ table: 'notes', id: `note-${i}`, text: `${marker}-${i}` }))
			)
		);
	return out;
}

/** Every envelope of the team, pulled page by page. */
export async function pullEverything(client: RelayClient, limit?: number) {
	const all: { seq: number; id: string }[] = [];
	let pages = 0;
	await client.pullAll(
		0,
		(page) => {
			pages++;
			for (const e of page.envelopes) all.push({ seq: e.seq, id: e.id });
		},
		{ limit }
	);
	return { all, pages };
}

/** Rows in each table that holds the team's state: "nothing stored" is these unchanged. */
export async function counts(db: Db): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const table of ['teams', 'devices', 'invites', 'key_wraps', 'envelopes']) {
		const [row] = await db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${table}`);
		out[table] = row!.n;
	}
	return out;
}

/**
 * Sends a request signed as `client` would sign it, with parts overridden or spoiled, to see the
 * relay refuse it. Returns the status and the JSON answer.
 */
export async function rawRequest(
	client: RelayClient,
	method: string,
	target: string,
	body: Uint8Array<ArrayBuffer> | null,
	spoil: {
		time?: number;
		nonce?: string;
		signWith?: CryptoKey;
		signedBody?: Uint8Array<ArrayBuffer>;
		omit?: string;
	} = {}
): Promise<{
	status: number;
	json: { error?: { code: string } } & Record<string, unknown>;
	replay: () => Promise<number>;
}> {
	const bytes = body ?? new Uint8Array(0);
	const time = spoil.time ?? Date.now();
	const nonce = spoil.nonce ?? toBase64Url(randomBytes(16));
	const device = client.device;
	const canonical = canonicalRequest({
		method,
		target,
		device,
		time,
		nonce,
		bodyHash: await sha256Base64Url(spoil.signedBody ?? bytes)
	});
	const headers: Record<string, string> = {
		'relay-device': device,
		'relay-time': String(time),
		'relay-nonce': nonce,
		'relay-signature': await signText(
			spoil.signWith ?? client.identity.signing.privateKey,
			canonical
		),
		'content-type': 'application/json'
	};
	if (spoil.omit) delete headers[spoil.omit];
	const send = () => fetch(client.url + target, { method, headers, body: body ?? undefined });
	const res = await send();
	return {
		status: res.status,
		json: (await res.json()) as never,
		replay: async () => (await send()).status
	};
}

/** The code a call was refused with (fails when it was not refused). */
export async function refusal(call: Promise<unknown>): Promise<string> {
	try {
		await call;
	} catch (e) {
		if (e instanceof RelayError) return e.code;
		throw e;
	}
	throw new Error('expected a refusal');
}

/** `secret` wrapped for `client`'s device, as a wrap of the team's key generation `generation`. */
export async function wrapFor(
	secret: Uint8Array<ArrayBuffer>,
	team: string,
	generation: number,
	client: RelayClient
) {
	const { device, identity } = client;
	return {
		device,
		key: await wrapTeamKey(secret, { team, generation, device, boxKey: identity.keys.boxKey })
	};
}
