import { expect, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from './driver';
import {
	addFollowParticipant,
	fixCount,
	HALMTORVET,
	launchGeoProfile,
	recordingPanel,
	startFollowAlong,
	storedRoute,
	walk
} from './follow-driver';

test('a page killed mid-walk loses at most 10 seconds of fixes, and recording resumes when the app opens again', async () => {
	test.setTimeout(150_000);
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-follow-crash-'));
	const first = await launchGeoProfile(dir);
	// The walk moves the page's clock on, so the recorder's writer sees its 20 seconds go by.
	await first.page.clock.install();
	await openApp(first.page, '/');
	await addFollowParticipant(first.page, 'VB-201');
	const id = await startFollowAlong(first.page, 'VB-201');

	// 20 seconds of walking, a position every quarter second of the page's time.
	const every = 250;
	const { at, times } = await walk(first.context, first.page, HALMTORVET, 80, {
		metresNorth: 3,
		everyMs: every,
		advanceClock: true
	});
	await expect.poll(() => fixCount(first.page)).toBeGreaterThanOrEqual(70);

	// Kill the renderer: no pagehide, no unload, no last write. Then the browser goes.
	const cdp = await first.context.newCDPSession(first.page);
	// The command gets no answer from a renderer that has crashed: wait for the crash instead.
	const crashed = first.page.waitForEvent('crash', { timeout: 20_000 });
	void cdp.send('Page.crash').catch(() => {});
	await crashed;
	await first.context.close();

	const second = await launchGeoProfile(dir, at);
	await openApp(second.page, '/follow');
	const stored = await storedRoute(second.page, id);
	// The positions given up to the last one stored (a fix's time is at or after its entry).
	const kept = times.filter((t) => t <= stored.last).length;
	const lostMs = (times.length - kept) * every;
	console.log(`page kill: the last ${lostMs} ms of positions were lost`);
	expect(lostMs).toBeLessThanOrEqual(10_000);
	// Every stored fix is one that was given (at most the last 10 s are missing).
	expect(stored.count).toBeGreaterThanOrEqual(kept - 8);

	// The day in progress is picked up again and goes on recording; the lost stretch is a gap.
	await expect(second.page.getByTestId('recording-bar')).toBeVisible();
	await second.page.getByTestId('recording-bar').click();
	await expect(recordingPanel(second.page)).toContainText('Recording');
	const before = await fixCount(second.page);
	await walk(second.context, second.page, at, 12, { metresNorth: 3 });
	await expect.poll(() => fixCount(second.page)).toBeGreaterThan(before + 8);
	await expect
		.poll(async () => (await storedRoute(second.page, id)).gaps, { timeout: 15_000 })
		.toBeGreaterThanOrEqual(1);
	await second.context.close();
	rmSync(dir, { recursive: true, force: true });
});
