import { expect, test, type Page } from './fixtures';
import { openApp } from './driver';
import {
	addFollowParticipant,
	allowPosition,
	endDay,
	expectLayerDrawn,
	fixCount,
	HALMTORVET,
	leaveStop,
	openReplay,
	pause,
	recordingPanel,
	replaySlider,
	resume,
	startFollowAlong,
	stay,
	stoppedHere,
	storedRoute,
	walk
} from './follow-driver';
import { expectSaved, noteDetails, noteEditor, typeNote } from './notes-driver';

/** As when the phone's screen goes off or another app comes in front. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
	await page.evaluate((hidden) => {
		Object.defineProperty(document, 'visibilityState', {
			configurable: true,
			get: () => (hidden ? 'hidden' : 'visible')
		});
		document.dispatchEvent(new Event('visibilitychange'));
	}, hidden);
}

test('a recorded day: start, walk, stop here, a note, pause, resume, end; then the route, the stop and the note at its moment', async ({
	context,
	page
}) => {
	test.setTimeout(150_000);
	await allowPosition(context);
	await openApp(page, '/');
	await addFollowParticipant(page, 'VB-101');
	const id = await startFollowAlong(page, 'VB-101');
	await expect(recordingPanel(page)).toContainText('Recording');

	// Walk north from Halmtorvet.
	const first = await walk(context, page, HALMTORVET, 24);
	await expect.poll(() => fixCount(page)).toBeGreaterThanOrEqual(20);
	await expect(page.getByTestId('distance')).toHaveText(/^\d+ m$/);
	await expect(page.getByTestId('accuracy')).toHaveText('±5 m');

	// "We stopped here", a while at the stop, then on.
	await stoppedHere(page);
	await stay(context, page, first.at, 8);
	await leaveStop(page);

	// A note while recording: attached to the day, at its moment, with a cell from the route.
	await recordingPanel(page).getByRole('link', { name: 'New note' }).click();
	await expect(noteEditor(page)).toBeFocused();
	const noteMoment = Date.now();
	await typeNote(page, 'Ved bænkene, han venter på sin kammerat');
	await expectSaved(page);
	await expect(
		noteDetails(page).getByRole('button', { name: /^Location: Cell in / })
	).toBeVisible();
	// Recording went on while the note was written (the bar links back to the day).
	const bar = page.getByTestId('recording-bar');
	await expect(bar).toBeVisible();
	await walk(context, page, first.at, 4, { metresEast: 4, metresNorth: 0 });
	await bar.click();
	await expect(recordingPanel(page)).toBeVisible();

	await pause(page);
	const paused = await fixCount(page);
	const second = await walk(context, page, first.at, 6, { metresEast: 4, metresNorth: 0 });
	expect(await fixCount(page)).toBe(paused);
	await resume(page);
	const third = await walk(context, page, second.at, 12, { metresEast: 4, metresNorth: 0 });
	await expect.poll(() => fixCount(page)).toBeGreaterThan(paused + 8);

	// The app goes to the background: the tab says it is not recording, and afterwards the screen
	// says which stretch is a gap.
	const title = await page.title();
	await setHidden(page, true);
	await expect(page).toHaveTitle('⚠ Not recording: Stedsans is in the background');
	await setHidden(page, false);
	await expect(page).toHaveTitle(title);
	await expect(recordingPanel(page)).toContainText(
		/No positions from \d\d:\d\d to \d\d:\d\d: the app was in the background/
	);
	await walk(context, page, third.at, 6, { metresEast: 4, metresNorth: 0 });
	await endDay(page);

	// The route is on the map, the pause is a gap, the marked stop is listed and the note is there.
	await expectLayerDrawn(page, 'day-route-recorded', 2);
	const stored = await storedRoute(page, id);
	expect(stored.count).toBeGreaterThan(paused + 8);
	// The pause and the hidden stretch: two gaps, never bridged.
	expect(stored.gaps).toBeGreaterThanOrEqual(2);
	const stops = page.getByTestId('stop');
	await expect(stops.first()).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: /from the day/ })
			.or(page.locator('section', { hasText: 'note from the day' }))
	).toContainText('Ved bænkene');

	// In the replay the note appears at its moment, not before.
	await openReplay(page, id);
	const slider = replaySlider(page);
	const min = Number(await slider.getAttribute('min'));
	await slider.fill(String(Math.max(min, noteMoment - 5_000)));
	await expect(page.getByTestId('replay-notes')).not.toContainText('Ved bænkene');
	await slider.fill(String(noteMoment + 5_000));
	await expect(page.getByTestId('replay-notes')).toContainText('Ved bænkene');
});

test('when positions stop coming, the strip says so', async ({ context, page }) => {
	test.setTimeout(90_000);
	// The page's clock runs as usual, but can be moved on: half a minute of silence in a moment.
	await page.clock.install();
	await allowPosition(context);
	await openApp(page, '/');
	await addFollowParticipant(page, 'VB-103');
	await startFollowAlong(page, 'VB-103');
	await walk(context, page, HALMTORVET, 3);
	await expect(recordingPanel(page)).not.toContainText(/No position for/);
	await page.clock.fastForward(31_000);
	await expect(recordingPanel(page)).toContainText(
		/No position for 3\d s\. Are you indoors or underground\?/
	);
});

test('without consent to recording the day is followed by hand: no GPS, a stop placed on the map', async ({
	context,
	page
}) => {
	await allowPosition(context);
	await openApp(page, '/');
	await addFollowParticipant(page, 'VB-102', { follow: false });
	await page.goto('/follow/start');
	await page.getByLabel('Participant', { exact: true }).selectOption({ label: 'VB-102' });
	await expect(page.getByTestId('consent-note')).toContainText(
		'has not agreed to a recorded route'
	);
	await page.getByRole('button', { name: 'Start follow-along' }).click();
	await expect(recordingPanel(page)).toContainText('Day in progress (no GPS)');
	await expect(recordingPanel(page).getByRole('button', { name: 'Pause' })).toBeHidden();
	await walk(context, page, HALMTORVET, 4);
	await expect(page.getByTestId('fix-count')).toBeHidden();

	// "We stopped here" without GPS: the stop is placed on the map, arriving now.
	await recordingPanel(page).getByRole('button', { name: 'We stopped here' }).click();
	await page.waitForURL(/\/follow\/sketch/);
	await expect(page.getByRole('radio', { name: 'Places a stop' })).toBeChecked();
	const map = page.getByRole('region', { name: 'Map for sketching the route' });
	await expect(map.locator('canvas')).toBeVisible();
	await map.click({ position: { x: 120, y: 120 } });
	await expect(page.getByTestId('stop-placer-hint')).toHaveText(
		'Placed. Give the times and add it.'
	);
	await page.getByLabel('Their own name for the place').fill('Trappen');
	await page.getByRole('button', { name: 'Add stop' }).click();
	await expect(page.getByRole('status')).toContainText('Stop added.');
});
