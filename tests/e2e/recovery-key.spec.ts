import jsQR from 'jsqr';
import { mkdirSync } from 'node:fs';
import { runAxe } from './axe';
import { expect, test, type Page } from './fixtures';
import { DESKTOP, PHONE, TEST_PASSPHRASE, expectAppReady, unlockApp, vaultScreen } from './driver';

const OUT = 'tests/.out/screens';
mkdirSync(OUT, { recursive: true });

test.use({ autoUnlock: false });

/** Chooses the passphrase on first run and stays on the recovery-key screen. */
async function toRecoveryKey(page: Page): Promise<string> {
	await page.goto('/');
	const screen = vaultScreen(page);
	await expect(screen).toHaveAttribute('data-screen', 'setup');
	await screen.getByLabel(/^(Passphrase|Adgangssætning)$/).fill(TEST_PASSPHRASE);
	await screen.getByLabel(/^(Passphrase again|Adgangssætning igen)$/).fill(TEST_PASSPHRASE);
	await screen.getByRole('button', { name: /^(Encrypt and continue|Kryptér og fortsæt)$/ }).click();
	await expect(screen).toHaveAttribute('data-screen', 'recovery-key', { timeout: 30_000 });
	return (await screen.getByTestId('recovery-key').innerText()).trim();
}

/** What a camera would read off the QR code on the screen (its SVG path, drawn and decoded). */
async function readQr(page: Page): Promise<string | null> {
	const svg = page.getByTestId('recovery-qr');
	const side = Number((await svg.getAttribute('viewBox'))!.split(' ')[2]);
	const d = (await svg.locator('path').getAttribute('d'))!;
	const scale = 4;
	const px = side * scale;
	const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
	for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g))
		for (let dy = 0; dy < scale; dy++)
			for (let dx = 0; dx < scale; dx++) {
				const i = ((Number(y) * scale + dy) * px + Number(x) * scale + dx) * 4;
				rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
			}
	return jsQR(rgba, px, px)?.data ?? null;
}

async function check(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
	const bad = (await runAxe(page)).violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect.soft(bad.map((v) => `${name}: ${v.id}`)).toEqual([]);
}

for (const [lang, locale] of [
	['en', 'en-GB'],
	['da', 'da-DK']
] as const) {
	test.describe(`the recovery key on a phone (${lang})`, () => {
		test.use({ locale, viewport: PHONE, hasTouch: true, isMobile: true });

		test(`offers a QR code, writing down, copy and print, and no file (${lang})`, async ({
			page
		}) => {
			const key = await toRecoveryKey(page);
			const screen = vaultScreen(page);
			await expect(screen).toContainText(
				lang === 'en' ? 'It opens this workspace on this device' : 'Den åbner dette arbejdsområde'
			);
			await expect(screen).toContainText(
				lang === 'en' ? 'Do not keep it on this phone' : 'Gem den ikke på denne telefon'
			);
			await expect(screen.getByRole('button', { name: /Save as a file|Gem som fil/ })).toHaveCount(
				0
			);
			for (const name of [
				/^(Copy|Kopiér)$/,
				/^(Print|Udskriv)$/,
				/^(Write it down|Skriv den ned)$/
			])
				await expect(screen.getByRole('button', { name })).toBeVisible();
			await check(page, `recovery-phone-${lang}`);

			await screen.getByRole('button', { name: /^(Show as QR code|Vis som QR-kode)$/ }).click();
			await expect(screen.getByRole('img', { name: /QR/ })).toBeVisible();
			expect(await readQr(page)).toBe(key);
			await check(page, `recovery-phone-qr-${lang}`);

			await screen.getByRole('button', { name: /^(Write it down|Skriv den ned)$/ }).click();
			await expect(screen.getByTestId('recovery-qr')).toHaveCount(0);
			const groups = screen.getByTestId('recovery-groups').getByRole('listitem');
			await expect(groups).toHaveCount(7);
			await expect(groups.first()).toContainText(key.slice(0, 4));
			await check(page, `recovery-phone-groups-${lang}`);
		});
	});

	test.describe(`the recovery key on a desktop (${lang})`, () => {
		test.use({ locale, viewport: DESKTOP });

		test(`keeps Save as a file on a desktop (${lang})`, async ({ page }) => {
			await toRecoveryKey(page);
			const screen = vaultScreen(page);
			await expect(
				screen.getByRole('button', { name: /^(Save as a file|Gem som fil)$/ })
			).toBeVisible();
			await screen.getByRole('button', { name: /^(Show as QR code|Vis som QR-kode)$/ }).click();
			await expect(screen.getByTestId('recovery-qr')).toBeVisible();
			await check(page, `recovery-desktop-qr-${lang}`);
		});
	});
}

test.describe('without WebAssembly (as in iOS Lockdown Mode)', () => {
	test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

	test('warns that the key is made with PBKDF2, on the key screen and in Settings', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.addInitScript(() => {
			// @ts-expect-error Lockdown Mode has no WebAssembly at all.
			delete globalThis.WebAssembly;
		});
		await toRecoveryKey(page);
		const notice = vaultScreen(page).getByTestId('kdf-notice');
		await expect(notice).toHaveAttribute('data-strength', 'pbkdf2');
		await expect(notice).toContainText('Weaker protection in this browser');
		await expect(notice).toContainText('PBKDF2');
		await check(page, 'recovery-pbkdf2-en');
		await vaultScreen(page).getByRole('checkbox').check();
		await vaultScreen(page).getByRole('button', { name: 'Continue' }).click();
		await expect(vaultScreen(page)).toBeHidden({ timeout: 60_000 });

		await page.goto('/settings');
		await unlockApp(page);
		await expectAppReady(page);
		const security = page.getByRole('region', { name: 'Security' });
		await expect(security.getByTestId('kdf-notice')).toContainText('older method (PBKDF2)');
		await security.getByText('Technical details').click();
		await expect(security.getByTestId('security-kdf-details')).toHaveText(
			'Key from the passphrase: PBKDF2-SHA256, 600,000 iterations.'
		);
		await security.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${OUT}/settings-security-pbkdf2-en.png` });
	});
});
