import { runAxe } from './axe';
import { expect, type Locator, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP, PHONE } from './driver';

/** Screenshots with the checks every screen gets: axe, no sideways scrolling, no English on Danish screens. */

export const OUT = 'tests/.out/screens';
const MESSAGES = new URL('../../messages/', import.meta.url).pathname;

/** English catalogue strings that differ in Danish: none may show on a Danish screen. */
function englishOnlyStrings(): string[] {
	const out: string[] = [];
	for (const dir of readdirSync(MESSAGES)) {
		const en = join(MESSAGES, dir, 'en.json');
		const da = join(MESSAGES, dir, 'da.json');
		if (!existsSync(en) || !existsSync(da)) continue;
		const enM = JSON.parse(readFileSync(en, 'utf8')) as Record<string, unknown>;
		const daM = JSON.parse(readFileSync(da, 'utf8')) as Record<string, unknown>;
		for (const [key, value] of Object.entries(enM)) {
			if (key.startsWith('$') || typeof value !== 'string') continue;
			if (value === daM[key] || value.includes('{') || value.length < 4) continue;
			out.push(value);
		}
	}
	return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Screenshots are for people to look at: CI throws them away, and a tall full-page shot (the
 * viewport stretched, every map redrawn) costs seconds on two cores, so CI takes none unless
 * E2E_SHOTS is set. Locally they are always taken.
 */
export const SHOTS = !process.env.CI || !!process.env.E2E_SHOTS;

export type Size = 'phone' | 'desktop';

/**
 * The sizes a language's screens are checked at. Where screenshots are taken (SHOTS) both, for
 * people to look at. Otherwise Danish at phone size, where the longest words meet the narrowest
 * screen (sideways scrolling and untranslated text show there first), and English at desktop
 * size: every screen still gets axe and the overflow check in both languages and at both sizes,
 * in half the time of all four.
 */
export function sizesFor(lang: string): [Size, { width: number; height: number }][] {
	const both: [Size, { width: number; height: number }][] = [
		['phone', PHONE],
		['desktop', DESKTOP]
	];
	if (SHOTS) return both;
	return lang.startsWith('da') ? [both[0]!] : [both[1]!];
}

/** A screenshot of the page or of one part of it, unless this run takes none (SHOTS). */
export async function shoot(
	target: Pick<Page, 'screenshot'> | Pick<Locator, 'screenshot'>,
	options: { path: string; fullPage?: boolean }
): Promise<void> {
	if (SHOTS) await target.screenshot(options);
}

/**
 * A full-page screenshot. The app's content area scrolls inside a 100dvh shell, which `fullPage`
 * does not reach, so the viewport is made as tall as the content for the shot (up to 4000 px).
 */
export async function screenshotAll(page: Page, path: string): Promise<void> {
	if (!SHOTS) return;
	const viewport = page.viewportSize()!;
	const height = await page.evaluate(() =>
		Math.max(
			document.documentElement.scrollHeight,
			...[...document.querySelectorAll('main, main *, div')]
				.filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY))
				.map((el) => el.scrollHeight + el.getBoundingClientRect().top)
		)
	);
	// Capped: a long (virtual) list would otherwise make a shot tens of thousands of pixels tall.
	const tall = Math.min(Math.ceil(height), 4000);
	if (tall > viewport.height) await page.setViewportSize({ ...viewport, height: tall });
	await page.screenshot({ path, fullPage: true });
	await page.setViewportSize(viewport);
}

export async function checkScreen(
	page: Page,
	name: string,
	lang: 'en' | 'da',
	translated = true,
	/** False for a dialog: the screen as it is, not stretched to the page's length. */
	fullPage = true
) {
	if (fullPage) await screenshotAll(page, `${OUT}/${name}.png`);
	else await shoot(page, { path: `${OUT}/${name}.png` });

	const results = await runAxe(page);
	const bad = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(', ')}`);
	expect.soft(bad, `axe on ${name}`).toEqual([]);

	// Nothing wider than the screen (no sideways scrolling on a phone).
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect.soft(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);

	if (lang === 'da' && translated) {
		const text = await page.locator('body').innerText();
		const leaks = englishOnlyStrings().filter((s) =>
			// Whole words in any script: "Import" must not match the Danish "Importér".
			new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u').test(text)
		);
		expect.soft(leaks, `English text on the Danish ${name}`).toEqual([]);
	}
}
