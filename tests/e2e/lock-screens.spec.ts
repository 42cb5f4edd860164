import { runAxe } from './axe';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import {
	DESKTOP,
	PHONE,
	TEST_PASSPHRASE,
	expectAppReady,
	setUpPassphrase,
	typePassphrase,
	unlockApp,
	vaultScreen
} from './driver';
import { shoot } from './screens-driver';

const OUT = 'tests/.out/screens';
mkdirSync(OUT, { recursive: true });

test.use({ autoUnlock: false });

async function check(page: Page, name: string, fullPage = true): Promise<void> {
	await shoot(page, { path: `${OUT}/${name}.png`, fullPage });
	const result = await runAxe(page);
	const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect
		.soft(bad.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`))
		.toEqual([]);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect.soft(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
}

for (const [lang, locale] of [
	['en', 'en-GB'],
	['da', 'da-DK']
] as const)
	for (const [size, viewport] of [
		['phone', PHONE],
		['desktop', DESKTOP]
	] as const)
		test.describe(`lock screens ${lang} ${size}`, () => {
			test.use({ locale, viewport });

			test(`set-up, recovery key, lock, migration and Settings look right and pass axe (${lang}, ${size})`, async ({
				page
			}) => {
				test.setTimeout(120_000);
				const shot = (s: string) => `lock-${s}-${lang}-${size}`;
				await page.goto('/');
				const screen = vaultScreen(page);
				await expect(screen).toHaveAttribute('data-screen', 'setup');
				await expect(screen.getByTestId('passphrase-strength')).toBeEmpty();
				await check(page, shot('setup'));

				await screen.getByLabel(/^(Passphrase|Adgangssætning)$/).fill('stedsans2026');
				await expect(screen.getByTestId('passphrase-strength')).toContainText(/weak|svag/);
				await check(page, shot('setup-weak'));

				await page.reload();
				const recoveryKey = await setUpPassphrase(page);
				expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
				await page.goto('/settings');
				await unlockApp(page);
				await expectAppReady(page);
				const security = page.getByRole('region', { name: /^(Security|Sikkerhed)$/ });
				await expect(security).toContainText('Argon2id');
				await security.scrollIntoViewIfNeeded();
				await check(page, shot('settings-security'), false);

				await page.reload();
				await typePassphrase(page, 'not the passphrase at all');
				await expect(page.locator('#unlock-passphrase-problem')).toContainText(
					/not right|ikke rigtig/
				);
				await check(page, shot('locked-wrong'));
				await screen.getByRole('button', { name: /recovery key|gendannelsesnøglen/ }).click();
				await check(page, shot('recover'));

				// The recovery key screen, on a new device's set-up.
				await page.context().clearCookies();
				await page.evaluate(() => indexedDB.deleteDatabase('stedsans'));
				await page.reload();
				await screen.getByLabel(/^(Passphrase|Adgangssætning)$/).fill(TEST_PASSPHRASE);
				await screen.getByLabel(/^(Passphrase again|Adgangssætning igen)$/).fill(TEST_PASSPHRASE);
				await screen
					.getByRole('button', { name: /Encrypt and continue|Kryptér og fortsæt/ })
					.click();
				await expect(screen.getByTestId('recovery-key')).toBeVisible();
				await check(page, shot('recovery-key'));
			});
		});
