import { expect, test, type Page } from './fixtures';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countColouredPixels, DESKTOP, openApp, PHONE } from './driver';
import {
	DC_RUN,
	expectImportRefused,
	expectLayerDrawn,
	importGpx,
	openReplay,
	replayClock,
	replaySlider,
	SF_RUN,
	storedRoute
} from './follow-driver';
import { shoot } from './screens-driver';

const OUT = 'tests/.out/screens';
mkdirSync(OUT, { recursive: true });
const ROUTE = '#c2410c';

/** Rows in the follow-along stores of the main workspace (to prove nothing was written). */
function storedRows(page: Page): Promise<Record<string, number>> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open('stedsans');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const out: Record<string, number> = {};
		for (const store of ['followAlongs', 'fixChunks', 'stops']) {
			out[store] = await new Promise<number>((res, rej) => {
				const r = db.transaction(store).objectStore(store).count();
				r.onsuccess = () => res(r.result);
				r.onerror = () => rej(r.error);
			});
		}
		db.close();
		return out;
	});
}

const gpx = (body: string) =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;
const pt = (lat: number, lon: number, time?: string) =>
	`<trkpt lat="${lat}" lon="${lon}">${time ? `<time>${time}</time>` : ''}</trkpt>`;
const track = (...pts: string[]) =>
	gpx(`<trk><name>t</name><trkseg>${pts.join('')}</trkseg></trk>`);
const file = (name: string, text: string) => ({
	name,
	mimeType: 'application/gpx+xml',
	buffer: Buffer.from(text)
});

for (const [fixture, points, duration, name] of [
	[DC_RUN, 206, '0:15:48', 'washington'],
	[SF_RUN, 1118, '0:20:56', 'san-francisco']
] as const) {
	test(`the ${name} run imports with ${points} points and ${duration}; its replay plays, scrubs and jumps`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		// The page's clock runs as usual, but can be moved on to show that a paused replay stays.
		await page.clock.install();
		await openApp(page, '/');
		await importGpx(page, fixture, undefined, 'Keep the whole track');
		await expect(page.getByRole('status')).toContainText(`Imported ${points} points: ${duration}`);
		await page.waitForURL(/\/follow\/day\?id=/);
		const id = new URL(page.url()).searchParams.get('id')!;
		expect((await storedRoute(page, id)).count).toBe(points);
		await expect(page.getByTestId('day-summary')).toContainText(duration);
		await expectLayerDrawn(page, 'day-route-recorded');

		await openReplay(page, id);
		const start = await replayClock(page);
		// Play: the clock moves; Pause: it stops.
		await page.getByRole('button', { name: 'Play' }).click();
		await expect.poll(() => replayClock(page)).not.toBe(start);
		await page.getByRole('button', { name: 'Pause' }).click();
		await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
		const slider = replaySlider(page);
		const paused = await replayClock(page);
		const pausedAt = await slider.inputValue();
		// Two seconds of the page's time: two minutes of the day at the replay's 60×, if it went on.
		await page.clock.runFor(2000);
		expect(await replayClock(page)).toBe(paused);
		expect(await slider.inputValue()).toBe(pausedAt);
		// Scrub: the slider sets the moment.
		const min = Number(await slider.getAttribute('min'));
		const max = Number(await slider.getAttribute('max'));
		expect(max - min).toBe(
			Number(duration.split(':')[1]) * 60_000 + Number(duration.split(':')[2]) * 1000
		);
		await slider.fill(String(min));
		const atStart = await replayClock(page);
		await slider.fill(String(max));
		await expect.poll(() => replayClock(page)).not.toBe(atStart);
		// Jump: a click on the timeline strip goes to that moment (here: halfway).
		const strip = page.getByTestId('timeline');
		const box = (await strip.boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await expect
			.poll(async () => Math.abs(Number(await slider.inputValue()) - (min + max) / 2))
			.toBeLessThan((max - min) * 0.05);
		// Keyboard: Space plays and pauses, → moves on 30 s.
		const before = Number(await slider.inputValue());
		await page.locator('main').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('ArrowRight');
		await expect.poll(async () => Number(await slider.inputValue())).toBe(before + 30_000);
		await page.keyboard.press(' ');
		await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
		await page.keyboard.press(' ');
		await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

		// The route is drawn on the (offline) map at both sizes.
		for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
			await page.setViewportSize(viewport);
			// Opened afresh, as on the device: the map frames the route for its own size.
			await openReplay(page, id);
			await replaySlider(page).fill(String(Math.round(min + (max - min) * 0.4)));
			await expect(page.getByTestId('replay-marker')).toHaveAttribute('data-drawn', 'true');
			const map = page.getByRole('region', { name: 'Map of the day’s replay' });
			const [route] = await countColouredPixels(page, map, [ROUTE], 60);
			expect(route).toBeGreaterThan(300);
			await shoot(page, { path: `${OUT}/follow-replay-${name}-${size}-en-GB.png` });
		}
	});
}

test('export warns that a raw route identifies a person, and the file imports again', async ({
	page
}) => {
	await openApp(page, '/');
	await importGpx(page, DC_RUN, undefined, 'Keep the whole track');
	await page.waitForURL(/\/follow\/day\?id=/);
	for (const [button, ext] of [
		['Export GPX', '.gpx'],
		['Export GeoJSON', '.geojson']
	] as const) {
		const more = page.locator('details.more');
		if ((await more.getAttribute('open')) === null) await more.locator('summary').click();
		await page.getByRole('button', { name: button }).click();
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByRole('heading')).toHaveText('A raw route identifies a person');
		const download = page.waitForEvent('download');
		await dialog.getByRole('button', { name: button }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(new RegExp(`^follow-along-2012-10-25\\${ext}$`));
		const dir = mkdtempSync(join(tmpdir(), 'stedsans-export-'));
		const path = join(dir, file.suggestedFilename());
		await file.saveAs(path);
		const text = readFileSync(path, 'utf8');
		if (ext === '.gpx') {
			expect(text.match(/<trkpt /g)).toHaveLength(206);
			await importGpx(page, path, undefined, 'Keep the whole track');
			await expect(page.getByRole('status')).toContainText('Imported 206 points: 0:15:48');
			await page.waitForURL(/\/follow\/day\?id=/);
		} else {
			const json = JSON.parse(text) as { features: { properties: { kind: string } }[] };
			expect(json.features.filter((f) => f.properties.kind === 'route')).toHaveLength(1);
		}
		rmSync(dir, { recursive: true, force: true });
	}
});

test('every kind of bad file gets a clear message and nothing is written', async ({ page }) => {
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-gpx-'));
	const big = join(dir, 'huge.gpx');
	// 51 MB: refused on its size before it is read.
	writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 0x20));
	const lol =
		'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><gpx version="1.1"><trk><name>&lol3;</name><trkseg><trkpt lat="55" lon="12"><time>2026-03-03T09:00:00Z</time></trkpt></trkseg></trk></gpx>';
	const T = (s: number) => `2026-03-03T09:00:${String(s).padStart(2, '0')}Z`;
	const cases: [string, string | ReturnType<typeof file>, RegExp][] = [
		['not XML', file('notes.gpx', 'this is not XML at all'), /not readable XML/],
		['an empty file', file('nothing.gpx', ''), /This file is empty/],
		[
			'XML that is not GPX',
			file(
				'map.gpx',
				'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>'
			),
			/not a GPX file/
		],
		[
			'GPX without points',
			file('empty.gpx', gpx('<metadata><name>x</name></metadata>')),
			/no recorded track points/
		],
		['points without times', file('notime.gpx', track(pt(55, 12), pt(55.001, 12))), /have no time/],
		[
			'coordinates out of range',
			file('range.gpx', track(pt(55, 12, T(0)), pt(95, 12, T(5)))),
			/Track point 2 lies outside the globe/
		],
		[
			'times going backwards',
			file('back.gpx', track(pt(55, 12, T(10)), pt(55.001, 12, T(5)))),
			/times go backwards at track point 2/
		],
		['a file over 50 MB', big, /larger than 50 MB/],
		['a billion-laughs entity attack', file('lol.gpx', lol), /declares a DTD or entities/]
	];
	await openApp(page, '/');
	for (const [, input, message] of cases) {
		await importGpx(page, input);
		await expectImportRefused(page, message);
		await expect(page.getByRole('alert')).toContainText('Nothing was imported');
		expect(await storedRows(page)).toEqual({ followAlongs: 0, fixChunks: 0, stops: 0 });
	}
	rmSync(dir, { recursive: true, force: true });
});
