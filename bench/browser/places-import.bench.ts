/**
 * Import of a team package with 5,000 places and 20,000 notes into a workspace that already holds
 * as many, in the production build, through the screen a user uses (Settings → Team exchange).
 * The figure that travels between machines is the ratio to a bare bulkPut of the same records
 * into IndexedDB in the same run; the target is an import of at most 3 s. On a machine so slow (or
 * so busy) that the bare bulkPut alone takes over 1.5 s, the absolute target says nothing about
 * the app, so there the ratio must stay within 2 (an import costs at most two bare writes).
 *
 * Self-contained: it generates both packages, launches Chromium with the project's flags and
 * opens the app at BENCH_URL (or the Playwright baseURL, or http://127.0.0.1:$E2E_PORT).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulidx';
import { appPage } from './support';

const PLACES = 5_000;
const NOTES = 20_000;
const LIMIT_MS = 3_000;
const SLOW_MACHINE_MS = 1_500;
const RATIO_LIMIT = 2;

type Rec = Record<string, unknown> & { id: string; rev: Record<string, number> };

const meta = (rev: Record<string, number>): Rec => ({
	id: ulid(),
	createdAt: 1_700_000_000_000,
	updatedAt: 1_700_000_000_000,
	deletedAt: null,
	authorId: 'bench-author',
	deviceId: 'A',
	rev,
	v: 1
});

const place = (i: number): Rec => ({
	...meta({ A: 1 }),
	name: `Sted ${i}`,
	aliases: [`Alias ${i}`, `Andet navn ${i}`],
	officialName: null,
	category: 'hangout',
	institution: false,
	institutionKind: null,
	neighbourhood: 'vesterbro',
	location: { type: 'point', lon: 12.55 + i / 1e5, lat: 55.66, radius: 25 },
	description: {
		doc: {
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: `Beskrivelse af sted ${i}.` }] }
			]
		},
		text: `Beskrivelse af sted ${i}.`
	},
	validFrom: null,
	validTo: null,
	positionToVerify: false,
	mergedInto: null
});

const note = (i: number, placeId: string): Rec => {
	const text = `Feltnote ${i}: ${'observation '.repeat(20).trim()}`;
	return {
		...meta({ A: 2, B: 1 }),
		observedAt: 1_700_000_000_000 + i * 60_000,
		genre: 'jotting',
		neighbourhood: 'vesterbro',
		participantIds: [],
		placeLabel: '',
		placeIds: [placeId],
		codeIds: [],
		sensitive: false,
		location: null,
		doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
		text,
		followAlongId: null
	};
};

/**
 * The workspace's records and a colleague's package over the same ids: 40% unchanged, 20% changed
 * there, 10% changed here, 5% the same change on both sides, 5% conflicts, 20% new there (and as
 * many only here). Notes link only to places both sides hold.
 */
function workspaces() {
	const local: Record<'places' | 'notes', Rec[]> = { places: [], notes: [] };
	const incoming: Record<'places' | 'notes', Rec[]> = { places: [], notes: [] };
	const split = (table: 'places' | 'notes', n: number, make: (i: number) => Rec) => {
		for (let i = 0; i < n; i++) {
			const r = make(i);
			const slot = i % 20;
			const bump = (d: string) => ({ ...r.rev, [d]: (r.rev[d] ?? 0) + 1 });
			const edit = (rec: Rec, d: string, field: string, value: unknown) => ({
				...rec,
				rev: bump(d),
				deviceId: d,
				[field]: value
			});
			const field = table === 'places' ? 'category' : 'genre';
			if (slot < 16)
				local[table].push(
					slot === 12 || slot === 13
						? edit(r, 'A', field, table === 'places' ? 'using' : 'memo')
						: slot === 14
							? edit(r, 'A', field, table === 'places' ? 'waiting' : 'quote')
							: r
				);
			else local[table].push(make(i + n));
			if (slot < 8) incoming[table].push(r);
			else if (slot < 12)
				incoming[table].push({
					...edit(r, 'B', field, table === 'places' ? 'park' : 'description'),
					updatedAt: (r.updatedAt as number) + 1
				});
			else if (slot < 14) incoming[table].push(r);
			else if (slot === 14)
				incoming[table].push(edit(r, 'B', field, table === 'places' ? 'shop' : 'reflexive'));
			else if (slot === 15) incoming[table].push({ ...r, rev: bump('B') });
			else incoming[table].push(make(i + 2 * n));
		}
	};
	split('places', PLACES, place);
	const shared = local.places.filter((_, i) => i % 20 < 16).map((p) => p.id);
	split('notes', NOTES, (i) => note(i, shared[i % shared.length]!));
	return { local, incoming };
}

const pkg = (by: string, records: Record<string, Rec[]>) => ({
	format: 'stedsans-team-package',
	formatVersion: 1,
	madeAt: 1_700_000_000_000,
	madeBy: { authorId: `${by}-author`, displayName: by, deviceId: by },
	app: { version: 'bench' },
	tables: Object.keys(records),
	records
});

/** The last duration the app measured under a name (performance.measure in the import service). */
const measured = (page: Page, name: string) =>
	page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN, name);

async function importFile(page: Page, file: string): Promise<{ readMs: number; writeMs: number }> {
	await page.goto('/settings/team');
	await page.getByLabel('Choose a team package').setInputFiles(file);
	const preview = page.getByTestId('import-preview');
	await expect(preview).toBeVisible({ timeout: 120_000 });
	const rest = page.getByRole('button', { name: 'Keep mine for all the rest' });
	if (await rest.count()) await rest.click();
	await preview.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Imported from', { timeout: 120_000 });
	return {
		readMs: await measured(page, 'stedsans:import:plan'),
		writeMs: await measured(page, 'stedsans:import:commit')
	};
}

test(`import ${PLACES} places + ${NOTES} notes into a workspace holding as many`, async ({
	baseURL: configured
}, info) => {
	test.setTimeout(600_000);
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-bench-'));
	const { local, incoming } = workspaces();
	writeFileSync(join(dir, 'local.json'), JSON.stringify(pkg('Here', local)));
	writeFileSync(join(dir, 'incoming.json'), JSON.stringify(pkg('There', incoming)));

	const { browser, page } = await appPage(configured);
	try {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
		const seed = await importFile(page, join(dir, 'local.json'));
		const run = await importFile(page, join(dir, 'incoming.json'));

		// Baseline: the same incoming records put in one transaction into a database that already
		// holds the local ones, with nothing checked, planned or decoded.
		const baselineMs = await page.evaluate(
			async ({ here, there }) => {
				const open = () =>
					new Promise<IDBDatabase>((res, rej) => {
						const r = indexedDB.open(`bench-baseline-${Date.now()}`, 1);
						r.onupgradeneeded = () => {
							r.result.createObjectStore('places', { keyPath: 'id' });
							r.result.createObjectStore('notes', { keyPath: 'id' });
						};
						r.onsuccess = () => res(r.result);
						r.onerror = () => rej(r.error);
					});
				const put = (db: IDBDatabase, records: Record<string, unknown[]>) =>
					new Promise<void>((res, rej) => {
						const tx = db.transaction(['places', 'notes'], 'readwrite');
						for (const [table, rows] of Object.entries(records))
							for (const row of rows) tx.objectStore(table).put(row);
						tx.oncomplete = () => res();
						tx.onerror = () => rej(tx.error);
					});
				const db = await open();
				await put(db, JSON.parse(here));
				const incomingRecords = JSON.parse(there);
				const t0 = performance.now();
				await put(db, incomingRecords);
				const ms = performance.now() - t0;
				db.close();
				indexedDB.deleteDatabase(db.name);
				return ms;
			},
			{ here: JSON.stringify(local), there: JSON.stringify(incoming) }
		);

		const importMs = run.readMs + run.writeMs;
		const figures = {
			records: PLACES + NOTES,
			seedIntoEmptyMs: Math.round(seed.readMs + seed.writeMs),
			readAndPlanMs: Math.round(run.readMs),
			writeMs: Math.round(run.writeMs),
			importMs: Math.round(importMs),
			bareBulkPutMs: Math.round(baselineMs),
			ratio: Number((importMs / baselineMs).toFixed(2)),
			limitMs: LIMIT_MS,
			ratioLimit: RATIO_LIMIT
		};
		console.log(`places-import ${JSON.stringify(figures)}`);
		info.annotations.push({ type: 'figures', description: JSON.stringify(figures) });
		if (baselineMs <= SLOW_MACHINE_MS) expect(importMs).toBeLessThanOrEqual(LIMIT_MS);
		else expect(figures.ratio).toBeLessThanOrEqual(RATIO_LIMIT);
	} finally {
		await browser.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
