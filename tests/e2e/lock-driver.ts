import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { monotonicFactory } from 'ulidx';
import { vaultScreen } from './driver';

/** Verbs for encryption at rest and the lock (kept apart from driver.ts). */

const ulid = monotonicFactory();

export interface PlaintextSeed {
	notes: number;
	/** A word every note's text holds, to find them by search afterwards. */
	marker?: string;
	participant?: string;
}

/**
 * A workspace as the app stored it before encryption at rest: every record's content as a plain
 * object in `payload` (the identity codec), no key file. Written straight into the app's
 * database on a fresh device, then the app is opened again and finds plaintext data.
 * Returns the participant's id.
 */
export async function seedPlaintextWorkspace(page: Page, seed: PlaintextSeed): Promise<string> {
	await page.goto('/');
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'setup');
	const ids = Array.from({ length: seed.notes + 1 }, () => ulid());
	await page.evaluate(
		async ({ ids, marker, code }) => {
			const db = await new Promise<IDBDatabase>((res, rej) => {
				const r = indexedDB.open('stedsans');
				r.onsuccess = () => res(r.result);
				r.onerror = () => rej(r.error);
			});
			const meta = (key: string) =>
				new Promise<string>((res) => {
					const r = db.transaction('meta').objectStore('meta').get(key);
					r.onsuccess = () => res((r.result as { value: string }).value);
				});
			const deviceId = await meta('deviceId');
			const authorId = await meta('profileId');
			const t0 = Date.UTC(2025, 9, 1, 8);
			const stamp = (id: string, at: number) => ({
				id,
				createdAt: at,
				updatedAt: at,
				deletedAt: null,
				authorId,
				deviceId,
				rev: { [deviceId]: 1 },
				v: 1
			});
			const [pid, ...noteIds] = ids;
			const tx = db.transaction(['participants', 'notes'], 'readwrite');
			tx.objectStore('participants').put({
				...stamp(pid!, t0),
				nb: 'vesterbro',
				payload: {
					code,
					neighbourhood: 'vesterbro',
					consent: { location: 'cell', followAlong: true, aggregate: true },
					withdrawnAt: null
				}
			});
			noteIds.forEach((id, i) => {
				const at = t0 + i * 60_000;
				const text = `${marker} note ${i} ved trappen på Halmtorvet`;
				tx.objectStore('notes').put({
					...stamp(id, at),
					observedAt: at,
					nb: 'vesterbro',
					payload: {
						observedAt: at,
						genre: 'jotting',
						neighbourhood: 'vesterbro',
						participantIds: i % 10 === 0 ? [pid] : [],
						placeLabel: '',
						placeIds: [],
						codeIds: [],
						sensitive: false,
						location: null,
						doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
						text,
						followAlongId: null
					}
				});
			});
			await new Promise<void>((res, rej) => {
				tx.oncomplete = () => res();
				tx.onerror = () => rej(tx.error);
			});
			db.close();
		},
		{ ids, marker: seed.marker ?? 'GAMMELNOTE', code: seed.participant ?? 'VB-900' }
	);
	await page.reload();
	return ids[0]!;
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...filesUnder(path));
		else out.push(path);
	}
	return out;
}

/**
 * The ways a value could sit in a file on disk: UTF-8 (and Latin-1, the same for ASCII) and
 * UTF-16LE for text (Chromium's structured clone writes strings in one of the two), and the
 * little-endian float64 bytes of a number (typed arrays and numbers alike).
 */
export function needlesFor(value: string | number): { label: string; bytes: Buffer }[] {
	if (typeof value === 'number') {
		const f64 = Buffer.alloc(8);
		f64.writeDoubleLE(value);
		return [
			{ label: `${value} as text`, bytes: Buffer.from(String(value), 'latin1') },
			{ label: `${value} as float64`, bytes: f64 }
		];
	}
	return [
		{ label: `"${value}" (UTF-8)`, bytes: Buffer.from(value, 'utf8') },
		{ label: `"${value}" (UTF-16LE)`, bytes: Buffer.from(value, 'utf16le') }
	];
}

/** Which of the needles occur in which files. */
export function findInFiles(
	files: string[],
	needles: { label: string; bytes: Buffer }[]
): string[] {
	const hits: string[] = [];
	for (const file of files) {
		const content = readFileSync(file);
		for (const n of needles) if (content.includes(n.bytes)) hits.push(`${n.label} in ${file}`);
	}
	return hits;
}
