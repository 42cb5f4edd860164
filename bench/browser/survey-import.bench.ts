/**
 * Issue 17: importing a survey of 10,000 respondents × 5 places (a Kobo-shaped CSV) in the
 * production build, through the screen a user uses (Participants → Import survey: file, mapping,
 * preview, import), into the own workspace (encrypted: every record sealed with AES-GCM and
 * tagged by the rollback guard, on a real IndexedDB). The target is ≤ 2 s for the import: the
 * file read, the plan and the write, as the app measures them (performance.measure in
 * features/survey/survey-import.service.ts). The figure that travels between machines is its
 * ratio to parsing the same file alone in the same run: the app's read step, which is papaparse
 * and the table's checks and nothing else, taken as the median of three reads of the file.
 * Beside it, the write against the floor under it: the same number of rows (each holding its
 * rollback guard's tag) put into a bare IndexedDB database (`bareWrites`); the workspace is in no
 * team, so the app writes no sync outbox entry either. On a machine so slow or so busy that
 * the floor alone takes over 1.5 s, the 2 s target says nothing about the app; there the write
 * must stay within 1.5 × the floor, and the summary row still shows the 2 s target failed.
 *
 * Self-contained like places-import.bench.ts: it launches Chromium with the project's flags and
 * opens the app at BENCH_URL (or BENCH_APP_URL, or http://127.0.0.1:$E2E_PORT).
 */
import { expect, test, type Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { chooseSurveyFile } from '../../tests/e2e/survey-driver';
import { koboBenchCsv } from '../../src/lib/testing/survey-bench-data';
import { appPage, median, record } from './support';

const RESPONDENTS = 10_000;
const PLACES = 5 * RESPONDENTS;
const LIMIT_MS = 2_000;
/** Where the bare writes alone take this long, the machine says nothing of the 2 s target… */
const SLOW_MACHINE_MS = 1_500;
/** …and the write must stay within this many bare writes instead (as places-import.bench.ts). */
const BARE_RATIO_LIMIT = 1.5;

/** The durations the app measured under a name (performance.measure in the import service). */
const measured = (page: Page, name: string) =>
	page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

/**
 * The floor under the write: as many rows as the import wrote (copies of one participant's and
 * one named place's stored rows, with new ids, their guard tags in them), put into a bare
 * IndexedDB database in one transaction, with nothing validated, sealed or tagged. What IndexedDB
 * itself costs here.
 */
function bareWrites(page: Page): Promise<number> {
	return page.evaluate(
		async ({ respondents, places }) => {
			const request = <T>(r: IDBRequest<T>) =>
				new Promise<T>((res, rej) => {
					r.onsuccess = () => res(r.result);
					r.onerror = () => rej(r.error);
				});
			const app = await request(indexedDB.open('stedsans'));
			const sample = async (table: string) => {
				const cursor = await request(app.transaction(table).objectStore(table).openCursor());
				return cursor!.value as Record<string, unknown>;
			};
			const person = await sample('participants');
			const place = await sample('namedPlaces');
			app.close();
			const name = `bench-bare-${Date.now()}`;
			const open = indexedDB.open(name, 1);
			open.onupgradeneeded = () => {
				for (const s of ['participants', 'namedPlaces'])
					open.result.createObjectStore(s, { keyPath: 'id' });
			};
			const db = await request(open);
			const t0 = performance.now();
			await new Promise<void>((res, rej) => {
				const tx = db.transaction(['participants', 'namedPlaces'], 'readwrite');
				const put = (table: string, row: Record<string, unknown>, n: number) => {
					for (let i = 0; i < n; i++) {
						const id = `${row.id}-${i}`;
						tx.objectStore(table).put({ ...row, id });
					}
				};
				put('participants', person, respondents);
				put('namedPlaces', place, places);
				tx.oncomplete = () => res();
				tx.onerror = () => rej(tx.error);
			});
			const ms = performance.now() - t0;
			db.close();
			indexedDB.deleteDatabase(name);
			return ms;
		},
		{ respondents: RESPONDENTS, places: PLACES }
	);
}

test(`survey import: ${RESPONDENTS} respondents × 5 places against parsing the file alone`, async ({
	baseURL: configured
}) => {
	test.setTimeout(600_000);
	const csv = koboBenchCsv(RESPONDENTS);
	const { browser, page } = await appPage(configured);
	const load = [loadavg()[0]!];
	try {
		await page.goto('/notes/participants');
		await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
		// The parse alone, twice before the import's own read: the same file, the same code.
		for (let i = 0; i < 2; i++) {
			await chooseSurveyFile(page, 'kobo.csv', csv);
			await expect(page.getByLabel('Column with the study ID')).toHaveValue('study_id');
			// Back in the app, not reloaded: the page keeps its measures.
			await page.getByRole('link', { name: 'Participants' }).last().click();
		}
		await chooseSurveyFile(page, 'kobo.csv', csv);
		await expect(page.getByLabel('Column with the study ID')).toHaveValue('study_id');
		await page.getByRole('button', { name: 'Preview' }).click();
		await expect(page.getByTestId('survey-preview')).toContainText(`Places to import: ${PLACES}`, {
			timeout: 120_000
		});
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByTestId('survey-done')).toContainText('Imported', { timeout: 300_000 });
		await expect(page.getByTestId('survey-done')).toContainText(`${RESPONDENTS} new participants`);
		load.push(loadavg()[0]!);
		const reads = await measured(page, 'stedsans:survey:read');
		const [plan] = await measured(page, 'stedsans:survey:plan');
		const [write] = await measured(page, 'stedsans:survey:write');
		const [seal] = await measured(page, 'stedsans:survey:seal');
		const [put] = await measured(page, 'stedsans:survey:put');
		const floor = await bareWrites(page);
		const read = reads.at(-1)!;
		const parse = median(reads);
		const importMs = read + plan! + write!;
		const figures = {
			parseMs: reads.map(Math.round),
			readMs: Math.round(read),
			planMs: Math.round(plan!),
			writeMs: Math.round(write!),
			sealMs: Math.round(seal!),
			putMs: Math.round(put!),
			importMs: Math.round(importMs),
			ratio: Number((importMs / parse).toFixed(1)),
			bareWritesMs: Math.round(floor),
			writeOverBare: Number((write! / floor).toFixed(2)),
			loadAverage: load.map((l) => l.toFixed(2))
		};
		console.log(`survey-import ${JSON.stringify(figures)}`);
		record('survey-import', {
			figure: `Survey import, ${RESPONDENTS} respondents × 5 places (read, plan, write)`,
			value: Math.round(importMs),
			baseline: Math.round(parse),
			unit: 'ms',
			target: `≤ ${LIMIT_MS} ms`,
			pass: importMs <= LIMIT_MS,
			notes: `read ${figures.readMs}, plan ${figures.planMs}, write ${figures.writeMs} ms (of which sealing ${figures.sealMs}, the transaction ${figures.putMs}; the same rows put bare: ${figures.bareWritesMs} ms); baseline: parsing the file alone (median of ${reads.length}); load average ${figures.loadAverage.join(' → ')}`
		});
		if (floor <= SLOW_MACHINE_MS) expect(importMs).toBeLessThanOrEqual(LIMIT_MS);
		else expect(figures.writeOverBare).toBeLessThanOrEqual(BARE_RATIO_LIMIT);
	} finally {
		await browser.close();
	}
});
