import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { launchProfile, openApp, SHARED, TEST_PASSPHRASE } from './driver';
import { openedRecords } from './lock-driver';
import { recordConsent } from './notes-driver';

/** The user's verbs for follow-along days (kept apart from driver.ts and notes-driver.ts). */

export const GPX_DIR = SHARED + 'fixtures/gpx/';
export const DC_RUN = GPX_DIR + 'mapbox-togeojson_run_washington-dc.gpx';
export const SF_RUN = GPX_DIR + 'mapbox-togeojson_run_gpxtpx_san-francisco.gpx';

/** Halmtorvet, Vesterbro: where the walks in these tests start. */
export const HALMTORVET = { latitude: 55.6703, longitude: 12.5598 };

export interface Position {
	latitude: number;
	longitude: number;
	accuracy?: number;
}

/** A browser on a profile on disk, with the position permission granted (for the crash test). */
export async function launchGeoProfile(
	dir: string,
	at: Position = HALMTORVET
): Promise<{ context: BrowserContext; page: Page }> {
	const launched = await launchProfile(dir, {
		permissions: ['geolocation'],
		geolocation: { accuracy: 5, ...at }
	});
	await launched.context.addInitScript(countPositions);
	return launched;
}

/** Lets the app use the position, starting at `at`. */
export async function allowPosition(context: BrowserContext, at: Position = HALMTORVET) {
	await context.addInitScript(countPositions);
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ accuracy: 5, ...at });
}

/**
 * In the page, before the app: counts the positions the browser hands to `watchPosition`
 * callbacks, and the watches open. Chromium keeps only the newest position for a watch that
 * has not taken the last one yet, so a walk gives the next position once the app has its last.
 */
function countPositions(): void {
	const geo = navigator.geolocation as Geolocation | undefined;
	const w = globalThis as unknown as { __positions?: { given: number; watches: Set<number> } };
	if (!geo || w.__positions) return;
	const seen = { given: 0, watches: new Set<number>() };
	w.__positions = seen;
	const watch = geo.watchPosition.bind(geo);
	const clear = geo.clearWatch.bind(geo);
	geo.watchPosition = (ok, err, options) => {
		const id = watch(
			(p) => {
				seen.given++;
				ok(p);
			},
			err,
			options
		);
		seen.watches.add(id);
		return id;
	};
	geo.clearWatch = (id) => {
		seen.watches.delete(id);
		clear(id);
	};
}

function positionsTaken(page: Page): Promise<{ given: number; watching: boolean }> {
	return page.evaluate(() => {
		const seen = (
			globalThis as unknown as { __positions?: { given: number; watches: Set<number> } }
		).__positions;
		return { given: seen?.given ?? 0, watching: (seen?.watches.size ?? 0) > 0 };
	});
}

/**
 * The phone reports a position: when the app is listening, this returns once the app has it
 * (nothing to wait for when it is not: paused, or a day without GPS).
 */
export async function moveTo(context: BrowserContext, page: Page, at: Position): Promise<void> {
	const before = await positionsTaken(page);
	await context.setGeolocation({ accuracy: 5, ...at });
	if (before.watching)
		await expect
			.poll(async () => (await positionsTaken(page)).given, { message: 'the app has the position' })
			.toBeGreaterThan(before.given);
}

/** Adds a participant through the participants screen; `follow: false` withholds consent. */
export async function addFollowParticipant(
	page: Page,
	code: string,
	opts: { follow?: boolean; location?: 'No location' | 'Neighbourhood only' | 'A grid cell' } = {}
): Promise<void> {
	await openApp(page, '/notes/participants');
	await page.getByRole('button', { name: 'Add participant' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('radio', { name: 'Vesterbro', exact: true }).check();
	// The form suggests the next free code first; type ours once that has landed.
	await expect(dialog.getByLabel('Code')).toHaveValue(/^VB-\d{3}$/);
	await dialog.getByLabel('Code').fill(code);
	await expect(dialog.getByLabel('Code')).toHaveValue(code);
	await recordConsent(dialog, { location: opts.location, follow: opts.follow });
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText(`${code} saved`);
}

/** Follow-alongs → Start follow-along → participant → Start. Returns the day's id. */
export async function startFollowAlong(page: Page, participant: string): Promise<string> {
	await openApp(page, '/follow');
	await page.getByRole('link', { name: 'Start follow-along' }).click();
	await page.getByLabel('Participant', { exact: true }).selectOption({ label: participant });
	await page.getByRole('button', { name: 'Start follow-along' }).click();
	await page.waitForURL(/\/follow\/day\?id=/);
	await expect(recordingPanel(page)).toBeVisible();
	return new URL(page.url()).searchParams.get('id')!;
}

export function recordingPanel(page: Page): Locator {
	return page.getByTestId('recording-panel');
}

/**
 * Walks from a position in steps, each `metresNorth` north and `metresEast` east, giving the next
 * position once the app has the last (see `moveTo`). With `advanceClock` (the test installed the
 * page's clock) the page's time moves on `everyMs` a step, so the app's timers see the walk's
 * length. Returns where the walk ended and the times (epoch ms) just before each position was
 * given: a fix's time (the browser's, when it was given) is at or after its entry.
 */
export async function walk(
	context: BrowserContext,
	page: Page,
	from: Position,
	steps: number,
	opts: {
		metresNorth?: number;
		metresEast?: number;
		everyMs?: number;
		accuracy?: number;
		advanceClock?: boolean;
	} = {}
): Promise<{ at: Position; times: number[] }> {
	const north = opts.metresNorth ?? 4;
	const east = opts.metresEast ?? 0;
	const every = opts.everyMs ?? 250;
	const times: number[] = [];
	let at = from;
	for (let k = 0; k < steps; k++) {
		at = {
			latitude: at.latitude + north / 111_195,
			longitude: at.longitude + east / (111_195 * Math.cos((at.latitude * Math.PI) / 180)),
			accuracy: opts.accuracy ?? 5
		};
		times.push(Date.now());
		await moveTo(context, page, at);
		if (opts.advanceClock) await page.clock.runFor(every);
	}
	return { at, times };
}

/** Stays at one place for `steps` positions, with a little GPS jitter (as `walk` gives them). */
export async function stay(
	context: BrowserContext,
	page: Page,
	at: Position,
	steps: number
): Promise<number[]> {
	const times: number[] = [];
	for (let k = 0; k < steps; k++) {
		const j = ((k % 3) - 1) * 0.00001;
		times.push(Date.now());
		await moveTo(context, page, {
			latitude: at.latitude + j,
			longitude: at.longitude - j,
			accuracy: 6
		});
	}
	return times;
}

export async function fixCount(page: Page): Promise<number> {
	return Number(await page.getByTestId('fix-count').innerText());
}

export async function pause(page: Page): Promise<void> {
	await recordingPanel(page).getByRole('button', { name: 'Pause' }).click();
	await expect(recordingPanel(page).getByRole('heading', { name: 'Paused' })).toBeVisible();
}

export async function resume(page: Page): Promise<void> {
	await recordingPanel(page).getByRole('button', { name: 'Resume' }).click();
	await expect(recordingPanel(page).getByRole('heading', { name: 'Recording' })).toBeVisible();
	// The heading shows before the app listens again (it writes the day first): positions fed in
	// between would replace each other, as a phone's do while nobody listens.
	await expect
		.poll(async () => (await positionsTaken(page)).watching, { message: 'listening again' })
		.toBe(true);
}

export async function stoppedHere(page: Page): Promise<void> {
	await recordingPanel(page).getByRole('button', { name: 'We stopped here' }).click();
	await expect(recordingPanel(page).getByRole('button', { name: 'We are leaving' })).toBeVisible();
}

export async function leaveStop(page: Page): Promise<void> {
	await recordingPanel(page).getByRole('button', { name: 'We are leaving' }).click();
	await expect(recordingPanel(page).getByRole('button', { name: 'We stopped here' })).toBeVisible();
}

export async function endDay(page: Page): Promise<void> {
	await recordingPanel(page).getByRole('button', { name: 'End the day' }).click();
	await expect(recordingPanel(page)).toBeHidden();
	await expect(page.getByTestId('day-summary')).toBeVisible();
}

type GpxBlob = { name: string; mimeType: string; buffer: Buffer };
type GpxInput = string | string[] | GpxBlob | GpxBlob[];

/** What to answer when a track leaves the field area (Vesterbro, Nordvest, Sundholm). */
export type FieldAreaAnswer =
	'Trim to the field area' | 'Keep the whole track' | 'Cancel the import';

/**
 * Follow-alongs → Import GPX → (participant) → one file or several. `outside` answers the
 * question a track outside the field area raises (the Washington and San Francisco runs do).
 */
export async function importGpx(
	page: Page,
	file: GpxInput,
	participant?: string,
	outside?: FieldAreaAnswer
): Promise<void> {
	await openApp(page, '/follow');
	await page.getByRole('button', { name: 'Import GPX' }).click();
	const dialog = page.getByRole('dialog');
	if (participant)
		await dialog.getByLabel('Participant', { exact: true }).selectOption({ label: participant });
	await dialog.getByLabel('Choose GPX files').setInputFiles(file);
	if (outside) await answerFieldArea(page, outside);
}

/** The import asks about a track outside the field area: the answer is given. */
export async function answerFieldArea(page: Page, answer: FieldAreaAnswer): Promise<void> {
	const question = page.getByRole('group', { name: /leaves the field area/ });
	await expect(question).toBeVisible();
	await question.getByRole('button', { name: answer }).click();
}

/** The message a refused import shows (in the alert region), and the dialog still open. */
export async function expectImportRefused(page: Page, message: RegExp | string): Promise<void> {
	await expect(page.getByRole('alert')).toContainText(message);
	await expect(page.getByTestId('gpx-problem')).toContainText(message);
}

/** Waits until a map has drawn a layer's features (the map element exposes `.maplibre`). */
export async function expectLayerDrawn(page: Page, layer: string, atLeast = 1): Promise<void> {
	await expect(page.locator('.map canvas').first()).toBeVisible();
	await expect
		.poll(
			() =>
				page
					.locator('.map')
					.first()
					.evaluate((el, id) => {
						const map = (
							el as HTMLElement & {
								maplibre?: {
									getLayer(id: string): unknown;
									queryRenderedFeatures(o: object): unknown[];
								};
							}
						).maplibre;
						if (!map?.getLayer(id)) return 0;
						return map.queryRenderedFeatures({ layers: [id] }).length;
					}, layer),
			{ timeout: 20_000 }
		)
		.toBeGreaterThanOrEqual(atLeast);
}

/** What is stored of a day's route (opened with the workspace's key): how many fixes, the last time. */
export async function storedRoute(
	page: Page,
	dayId: string,
	dbName = 'stedsans'
): Promise<{ count: number; last: number; gaps: number }> {
	const records = await openedRecords(page, TEST_PASSPHRASE, dbName);
	let count = 0;
	let last = 0;
	let gaps = 0;
	for (const { table, row, content } of records) {
		if (table !== 'fixChunks' || row.deletedAt !== null) continue;
		const p = content as { followAlongId: string; count: number; t: Float64Array; src: Uint8Array };
		if (p.followAlongId !== dayId) continue;
		count += p.count;
		if (p.count > 0) last = Math.max(last, p.t[p.count - 1]!);
		for (let i = 0; i < p.count; i++) if (p.src[i]! & 0x80) gaps++;
	}
	return { count, last, gaps };
}

/** Opens a day's replay and waits until the route is on the map. */
export async function openReplay(page: Page, dayId: string): Promise<void> {
	await openApp(page, `/follow/replay?id=${dayId}`);
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
	await expectLayerDrawn(page, 'replay-route-recorded');
}

export async function replayClock(page: Page): Promise<string> {
	return page.getByTestId('replay-clock').innerText();
}

export function replaySlider(page: Page): Locator {
	return page.getByRole('slider', { name: 'Time of day' });
}

/** A day's live stops as stored (opened with the workspace's key), in time order. */
export async function storedStops(
	page: Page,
	dayId: string
): Promise<{ id: string; arrivedAt: number; departedAt: number | null; ownName: string }[]> {
	const records = await openedRecords(page, TEST_PASSPHRASE);
	return records
		.filter((r) => r.table === 'stops' && r.row.deletedAt === null)
		.map((r) => ({ id: r.row.id as string, c: r.content as Record<string, unknown> }))
		.filter(({ c }) => c.followAlongId === dayId)
		.map(({ id, c }) => ({
			id,
			arrivedAt: c.arrivedAt as number,
			departedAt: c.departedAt as number | null,
			ownName: c.ownName as string
		}))
		.sort((a, b) => a.arrivedAt - b.arrivedAt);
}

/** A duration as the app writes it: "0:43:45". */
export function hms(ms: number): string {
	const s = Math.round(ms / 1000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/**
 * A GPX day for tests: fixes every 5 s starting at `start`, staying `minutes` at each stop
 * (with a few metres of jitter) and walking `walkMinutes` north-east between them, from
 * `from`. `waypoints` go into the file as they are. Returns the text and the first and last
 * fix times.
 */
export function gpxDay(
	start: number,
	stays: number[],
	opts: { from?: Position; walkMinutes?: number; waypoints?: string; far?: Position } = {}
): { text: string; first: number; last: number } {
	const pts: string[] = [];
	let t = start;
	let lat = opts.from?.latitude ?? HALMTORVET.latitude;
	let lon = opts.from?.longitude ?? HALMTORVET.longitude;
	const add = () => {
		pts.push(
			`<trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"><time>${new Date(t).toISOString()}</time></trkpt>`
		);
		t += 5000;
	};
	stays.forEach((minutes, k) => {
		const [la, lo] = [lat, lon];
		for (let i = 0; i < (minutes * 60) / 5; i++) {
			lat = la + (((i * 7) % 5) - 2) * 0.00002;
			lon = lo + (((i * 3) % 5) - 2) * 0.00003;
			add();
		}
		[lat, lon] = [la, lo];
		if (k === stays.length - 1) return;
		const n = ((opts.walkMinutes ?? 2) * 60) / 5;
		for (let i = 0; i < n; i++) {
			lat += 0.0012 / n;
			lon += 0.002 / n;
			add();
		}
	});
	const text = `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">${opts.waypoints ?? ''}<trk><name>day</name><trkseg>${pts.join('')}</trkseg></trk></gpx>`;
	return { text, first: start, last: t - 5000 };
}

export function gpxFile(name: string, text: string) {
	return { name, mimeType: 'application/gpx+xml', buffer: Buffer.from(text) };
}
