import { test as base, expect } from '@playwright/test';
import { forgetWatched, setLaunchAutoUnlock, watchContext, watchedForeignRequests } from './driver';

/**
 * The `test` every spec uses instead of @playwright/test's:
 * - every request of every page (the test's context and any browser the driver launches) is
 *   recorded, and the test fails if one went to a host other than the app's own or the
 *   configured basemap's;
 * - the own workspace's set-up and lock screens are passed by themselves with the test
 *   passphrase (`autoUnlock`; the specs of the lock itself turn it off).
 */
export const test = base.extend<{ autoUnlock: boolean; noForeignRequests: void }>({
	autoUnlock: [true, { option: true }],
	context: async ({ context, autoUnlock }, use) => {
		watchContext(context, autoUnlock);
		await use(context);
	},
	noForeignRequests: [
		async ({ autoUnlock }, use) => {
			setLaunchAutoUnlock(autoUnlock);
			await use();
			const foreign = watchedForeignRequests();
			forgetWatched();
			setLaunchAutoUnlock(true);
			expect(foreign, 'requests to a host other than the app and the basemap').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
export type { BrowserContext, Locator, Page } from '@playwright/test';
