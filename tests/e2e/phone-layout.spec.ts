import { mkdirSync } from 'node:fs';
import { runAxe } from './axe';
import { expect, test, type Page } from './fixtures';
import { openApp, PHONE, setUpPassphrase, startDemo, vaultScreen, visit } from './driver';
import { closeNoteDetail, noteDetails, openNoteDetail } from './notes-driver';
import { shoot } from './screens-driver';
import { smallTargets } from './touch-targets';

const OUT = 'tests/.out/screens';
mkdirSync(OUT, { recursive: true });
const SMALL = { width: 320, height: 640 };
/** Common English words of the interface that have no place on a Danish screen. */
const ENGLISH =
	/\b(the|and|with|your|you|of|Notes|Settings|Places|Map|Heatmaps|Participants|Trash|Lock|More|New note|Save|Cancel|Search|Filters|Export)\b/g;

/** What a specialist reads in Technical details, not what Settings says up front. */
const JARGON =
	/AES|Argon2|MiB|MapLibre|style URL|stilens adresse|\.pmtiles|\b(level|niveau) \d|resolution|opløsning|persistent|varig lagring/gi;

const SCREENS = [
	'/',
	'/notes',
	'/follow',
	'/places',
	'/map',
	'/heatmaps',
	'/settings',
	'/notes/participants',
	'/notes/codebook',
	'/settings/trash'
];

/**
 * The visible controls the New note button overlaps (it must overlap none): each control's box is
 * cut to what its scrolling or clipping boxes show, so a control scrolled out of view does not count.
 */
function coveredByNewNote(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const fab = [...document.querySelectorAll('a')].find(
			(a) => a.getAttribute('aria-keyshortcuts') === 'n' && a.checkVisibility()
		);
		if (!fab) return [];
		const f = fab.getBoundingClientRect();
		const shown = (el: Element) => {
			const r = el.getBoundingClientRect();
			let [top, right, bottom, left] = [r.top, r.right, r.bottom, r.left];
			for (let p = el.parentElement; p; p = p.parentElement) {
				if (getComputedStyle(p).overflow === 'visible') continue;
				const c = p.getBoundingClientRect();
				[top, right, bottom, left] = [
					Math.max(top, c.top),
					Math.min(right, c.right),
					Math.min(bottom, c.bottom),
					Math.max(left, c.left)
				];
			}
			return { top, right, bottom, left };
		};
		const controls = document.querySelectorAll(
			'a[href], button, input, select, textarea, summary, [role="button"], [role="option"], label'
		);
		const out: string[] = [];
		for (const c of controls) {
			if (c === fab || fab.contains(c) || c.contains(fab)) continue;
			if (!c.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			const r = shown(c);
			const overlap =
				Math.min(r.right, f.right) - Math.max(r.left, f.left) > 0.5 &&
				Math.min(r.bottom, f.bottom) - Math.max(r.top, f.top) > 0.5;
			if (overlap) out.push(`${c.tagName} ${(c.textContent ?? '').trim().slice(0, 30)}`);
		}
		return out;
	});
}

/** Visible elements that reach past the right edge of the viewport. */
function tooWide(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const out: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) continue;
			// Inside something that scrolls or clips sideways on purpose (a table, the map): fine.
			let clipped = false;
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				const o = getComputedStyle(p).overflowX;
				if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') {
					clipped = p.getBoundingClientRect().right <= width + 1;
					if (clipped) break;
				}
			}
			// Wholly off the screen on purpose (the skip link until it is focused): not too wide.
			const offScreen = r.right <= 0 || r.left >= width;
			if (!clipped && !offScreen && (r.right > width + 1 || r.left < -1))
				out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
		}
		// An open dialog clips what is too wide for it: its parts must not need to scroll sideways.
		for (const part of document.querySelectorAll('dialog[open] .frame > *'))
			if (part.scrollWidth > part.clientWidth + 1)
				out.push(
					`dialog ${part.tagName}.${part.className} ${part.scrollWidth} > ${part.clientWidth}`
				);
		return out.slice(0, 5);
	});
}

async function visibleBarItems(page: Page): Promise<string[]> {
	return page
		.getByRole('navigation')
		.getByRole('listitem')
		.filter({ visible: true })
		.allInnerTexts();
}

async function axe(page: Page, name: string): Promise<void> {
	const bad = (await runAxe(page)).violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect
		.soft(bad.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`))
		.toEqual([]);
}

for (const [lang, locale] of [
	['en', 'en-GB'],
	['da', 'da-DK']
] as const)
	test.describe(`phone layout (${lang})`, () => {
		test.use({ locale });

		test(`five bottom items, Lock in the header, New note over no control, nothing wider than 320 px (${lang})`, async ({
			page
		}) => {
			test.setTimeout(180_000);
			await page.setViewportSize(PHONE);
			await openApp(page, '/');
			for (const path of SCREENS) {
				await visit(page, path);
				await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
				const items = await visibleBarItems(page);
				expect(items.length, `bottom items on ${path}: ${items.join(', ')}`).toBeLessThanOrEqual(5);
				await expect(
					page.getByRole('banner').getByRole('button', { name: /^(Lock Stedsans|Lås Stedsans)$/ })
				).toBeVisible();
				expect.soft(await coveredByNewNote(page), `covered on ${path}`).toEqual([]);
				expect.soft(await smallTargets(page), `smaller than 44 px on ${path}`).toEqual([]);
				if (path === '/settings') {
					// Plain words first: ciphers, grid levels and style addresses only under Technical details.
					const said = await page.locator('main').innerText();
					expect.soft(said.match(JARGON) ?? [], 'jargon up front in Settings').toEqual([]);
				}
				const shot = path === '/' ? 'home' : path.slice(1).replaceAll('/', '-');
				await shoot(page, { path: `${OUT}/phone-${shot}-${lang}-390.png` });
				await axe(page, `${path} 390`);
				if (lang === 'da') {
					// Danish through and through: the text and the title, and decimals with a comma.
					const text = `${await page.title()}\n${await page.locator('body').innerText()}`;
					expect.soft(text.match(ENGLISH) ?? [], `English words on ${path}`).toEqual([]);
					expect.soft(text.match(/\d\.\d{3,}/g) ?? [], `decimal points on ${path}`).toEqual([]);
				}
			}
			// The Map screen opens at its map, however far down the screen before was scrolled.
			await openApp(page, '/settings');
			await page.locator('.content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
			await page
				.getByRole('navigation')
				.getByRole('link', { name: /^(Map|Kort)$/ })
				.click();
			await expect(page).toHaveURL(/\/map/);
			await expect(page.locator('.map canvas').first()).toBeInViewport();
			expect(await page.locator('.content').evaluate((el) => el.scrollTop)).toBe(0);
			// The editor: its details a row of chips under the text, each opening its picker; every
			// control 44 px or more, the code picker's rows included.
			await openApp(page, '/notes/edit?new');
			const details = noteDetails(page);
			await expect(details.getByRole('button')).toHaveCount(6);
			expect.soft(await smallTargets(page), 'smaller than 44 px in the editor').toEqual([]);
			await shoot(page, { path: `${OUT}/phone-editor-${lang}-390.png` });
			if (lang === 'da') {
				const text = `${await page.title()}\n${await page.locator('body').innerText()}`;
				expect.soft(text.match(ENGLISH) ?? [], 'English words in the editor').toEqual([]);
			}
			const codes = await openNoteDetail(page, lang === 'en' ? 'Codes' : 'Koder');
			await expect(codes.getByRole('checkbox').first()).toBeVisible();
			expect.soft(await smallTargets(page), 'smaller than 44 px in the code picker').toEqual([]);
			await shoot(page, { path: `${OUT}/phone-codes-${lang}-390.png` });
			await closeNoteDetail(codes);
			// More holds the rest.
			await page.getByRole('button', { name: /^(More|Mere)$/ }).click();
			const more = page.getByRole('dialog');
			for (const name of [
				/Heatmaps|Varmekort/,
				/Participants|Deltagere/,
				/Codebook|Kodebog/,
				/Trash|Papirkurv/,
				/Settings|Indstillinger/
			])
				await expect(more.getByRole('link', { name })).toBeVisible();
			await shoot(page, { path: `${OUT}/phone-more-${lang}-390.png` });
			await more.getByRole('link', { name: /Participants|Deltagere/ }).click();
			await expect(page).toHaveURL(/\/notes\/participants/);

			await page.setViewportSize(SMALL);
			for (const path of SCREENS) {
				await visit(page, path);
				await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
				expect.soft(await tooWide(page), `too wide on ${path}`).toEqual([]);
				const shot = path === '/' ? 'home' : path.slice(1).replaceAll('/', '-');
				await shoot(page, { path: `${OUT}/phone-${shot}-${lang}-320.png` });
			}
			// The editor and its details' dialogs fit too.
			await openApp(page, '/notes/edit?new');
			expect.soft(await tooWide(page), 'too wide: the editor').toEqual([]);
			await shoot(page, { path: `${OUT}/phone-editor-${lang}-320.png` });
			const place = await openNoteDetail(page, lang === 'en' ? 'Place' : 'Sted');
			expect.soft(await tooWide(page), 'too wide: Place').toEqual([]);
			await closeNoteDetail(place);
			const location = await openNoteDetail(page, lang === 'en' ? 'Location' : 'Placering');
			expect.soft(await tooWide(page), 'too wide: Location').toEqual([]);
			await shoot(page, { path: `${OUT}/phone-location-${lang}-320.png` });
			await closeNoteDetail(location);
			// Dialogs fit too: Filters, Add participant, More.
			await openApp(page, '/notes');
			await page.getByRole('button', { name: /^(Filters|Filtre)/ }).click();
			await expect(page.getByRole('dialog')).toBeVisible();
			expect.soft(await tooWide(page), 'too wide: Filters').toEqual([]);
			await shoot(page, { path: `${OUT}/phone-filters-${lang}-320.png` });
			await page.keyboard.press('Escape');
			await openApp(page, '/notes/participants');
			await page.getByRole('button', { name: /^(Add participant|Tilføj deltager)$/ }).click();
			await expect(page.getByRole('dialog')).toBeVisible();
			expect.soft(await tooWide(page), 'too wide: Add participant').toEqual([]);
			await shoot(page, { path: `${OUT}/phone-participant-${lang}-320.png`, fullPage: true });
			await axe(page, 'participant form 320');
		});
	});

/** Screens with the demo's data, and how to reach the ones that need a record. */
const DIALOG_SCREENS: (string | [string, string])[] = [
	'/notes',
	'/notes/edit?new',
	'/notes/participants',
	'/notes/codebook',
	'/follow',
	['/follow', 'a[href*="/follow/day"]'],
	'/places',
	['/places', 'a[href*="/places/view"]'],
	'/heatmaps',
	'/settings',
	'/settings/trash'
];

test.describe('dialogs on a small phone', () => {
	test.use({ locale: 'da-DK', viewport: SMALL });

	test('every dialog a screen opens fits 320 px, in Danish', async ({ page }) => {
		test.setTimeout(240_000);
		await startDemo(page);
		let opened = 0;
		for (const screen of DIALOG_SCREENS) {
			const [path, link] = typeof screen === 'string' ? [screen, null] : screen;
			await openApp(page, path);
			if (link) {
				await page.locator(`main ${link}`).first().click();
				await page.waitForURL((url) => url.pathname !== path);
			}
			const editor = page.getByRole('textbox', { name: 'Notens tekst' });
			await expect(page.getByRole('heading', { level: 1 }).or(editor).first()).toBeVisible();
			// Menus and technical details folded away hold openers too (a menu folds as it opens one).
			const unfold = () =>
				page.evaluate(() =>
					document
						.querySelectorAll<HTMLDetailsElement>('main details')
						.forEach((d) => (d.open = true))
				);
			await unfold();
			const openers = page
				.locator('main [aria-haspopup="dialog"]:not([disabled])')
				.filter({ visible: true });
			const count = await openers.count();
			// One of each kind: the first word of a name ("Edit", "Withdraw") for a list's rows.
			const kinds = new Set<string>();
			for (let i = 0; i < count; i++) {
				await unfold();
				const opener = openers.nth(i);
				const name =
					(await opener.getAttribute('aria-label', { timeout: 5_000 })) ??
					(await opener.innerText());
				const kind = name.trim().split(/\s/)[0]!;
				if (kinds.has(kind)) continue;
				kinds.add(kind);
				await opener.click();
				// Some open a second on top at once (a merge asks which place first).
				const dialogs = page.getByRole('dialog');
				await expect(dialogs.first(), `${path}: ${name}`).toBeVisible();
				expect.soft(await tooWide(page), `too wide: ${path} ${name}`).toEqual([]);
				await shoot(page, { path: `${OUT}/dialog-${opened}-da-320.png` });
				for (let n = await dialogs.count(); n > 0; n--) await page.keyboard.press('Escape');
				await expect(dialogs).toHaveCount(0);
				opened++;
			}
		}
		// Each kind of opener was met: confirmations, forms, exports, pickers and Filters.
		expect(opened).toBeGreaterThanOrEqual(20);
	});
});

test.describe('lock screen on a phone', () => {
	test.use({ autoUnlock: false, viewport: PHONE });

	test('a wrong passphrase is said under the field, above the keyboard, and the text stays', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.goto('/');
		await setUpPassphrase(page);
		await page.getByRole('banner').getByRole('button', { name: 'Lock Stedsans' }).click();
		const screen = vaultScreen(page);
		await expect(screen).toHaveAttribute('data-screen', 'locked');
		const field = screen.getByLabel('Passphrase');
		await field.fill('tabby cruelty rotunda unlatched');
		await screen.getByRole('button', { name: 'Unlock' }).click();
		const problem = screen.locator('#unlock-passphrase-problem');
		await expect(problem).toHaveText('That passphrase is not right. Nothing was opened.');
		// Said once: under the field, not again by the announcer at the bottom.
		await expect(
			page.getByRole('alert').filter({ hasText: 'passphrase is not right' })
		).toHaveCount(1);
		await expect(field).toHaveValue('tabby cruelty rotunda unlatched');
		await expect(field).toHaveAttribute('aria-describedby', /unlock-passphrase-problem/);
		// A phone's keyboard takes about the lower 45 % of the screen: the message is above it.
		const box = (await problem.boundingBox())!;
		expect(box.y + box.height).toBeLessThan(PHONE.height * 0.55);
		await screen.getByRole('button', { name: 'Show' }).click();
		await expect(field).toHaveAttribute('type', 'text');
		await shoot(page, { path: `${OUT}/phone-lock-wrong-en-390.png` });
	});
});
