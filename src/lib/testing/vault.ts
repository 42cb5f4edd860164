import { afterEach, beforeEach, expect } from 'vitest';
import { RECORD_TABLES, StedsansDB, type Row } from '$lib/db/db';
import { notesRepo } from '$lib/db/notes.repo';
import { closeWorkspace, db, openWorkspace } from '$lib/db/workspace';
import {
	attachVault,
	commitKeys,
	detachVault,
	prepareKeys,
	setKdfOptionsForTests
} from '$lib/features/vault/vault.service';
import { CHEAP_KDF } from './crypto';
import { T0 } from './follow-alongs';
import { dropWorkspace, freshWorkspace } from './workspace';

// What the vault's tests share: a fresh workspace per test, a passphrase, and the view of
// someone who has the device's storage but not the passphrase.

export const PASS = 'tabby cruelty rotunda unlatch';
export const NEW_PASS = 'gravel oyster mantra pinwheel';
/** A word written into records, searched for in the stored bytes. */
export const MARKER = 'KLOKKEFROST';
export const lat = 55.6703123;

export const f64 = (x: number) => new Uint8Array(Float64Array.of(x).buffer);

export interface VaultWorkspace {
	/** The current test's workspace database. */
	readonly name: string;
	/** Someone with storage access and no passphrase: IndexedDB written directly, not by the app. */
	asAttacker(write: (d: StedsansDB) => Promise<unknown>): Promise<void>;
	/** The next start of the app: the workspace opens locked. */
	reopen(): Promise<void>;
}

/** A fresh workspace for every test of the file (cheap key derivation), dropped after it. */
export function useVaultWorkspace(): VaultWorkspace {
	setKdfOptionsForTests(CHEAP_KDF);
	let name = '';
	beforeEach(async () => {
		name = await freshWorkspace();
	});
	afterEach(async () => {
		// The next test's workspace is new: no key held, and none set up to seal or guard with.
		detachVault();
		await dropWorkspace(name);
	});
	return {
		get name() {
			return name;
		},
		async asAttacker(write) {
			const raw = new StedsansDB(name);
			await raw.open();
			try {
				await write(raw);
			} finally {
				raw.close();
			}
		},
		async reopen() {
			closeWorkspace();
			await openWorkspace('main', name);
			expect(await attachVault()).toBe('locked');
		}
	};
}

/** A new, encrypted, unlocked workspace; returns its recovery key. */
export async function encrypted(): Promise<string> {
	expect(await attachVault()).toBe('new');
	const pending = await prepareKeys(PASS);
	await commitKeys(pending);
	return pending.recoveryKey;
}

export const note = (text: string, at = T0) =>
	notesRepo.create({
		observedAt: at,
		doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
		text,
		placeLabel: 'Trappen ved Mekka'
	});

/** Every row of every record table, with its table. */
export async function allRows(): Promise<{ table: string; row: Row }[]> {
	const out: { table: string; row: Row }[] = [];
	for (const table of RECORD_TABLES)
		for (const row of await db().recordTable(table).toArray()) out.push({ table, row });
	return out;
}
