import { expect, type Locator, type Page } from '@playwright/test';
import { openApp, startDemo } from './driver';

/** The user's verbs for notes (kept apart from driver.ts, which holds the foundation's verbs). */

/**
 * Opens a new note from the New note button, and waits for the editor. On a phone the button is
 * on the overviews only (not on forms or the editor): from elsewhere the bar's Notes comes first.
 */
export async function newNote(page: Page): Promise<void> {
	const button = page
		.getByRole('link', { name: /^(New note|Ny note)$/ })
		.filter({ visible: true })
		.first();
	if (!(await button.isVisible()))
		await page
			.getByRole('navigation')
			.getByRole('link', { name: /^(Notes|Noter)$/ })
			.click();
	await button.click();
	await expect(noteEditor(page)).toBeFocused();
}

export function noteEditor(page: Page) {
	return page.getByRole('textbox', { name: /Note text|Notens tekst/ });
}

export async function typeNote(page: Page, text: string): Promise<void> {
	await noteEditor(page).pressSequentially(text, { delay: 5 });
}

/** Waits until the note's autosave says it is saved. */
export async function expectSaved(page: Page): Promise<void> {
	await expect(page.getByTestId('save-status')).toHaveText(/^(Saved|Gemt)$/);
}

export async function startDemoWorkspace(page: Page): Promise<void> {
	await startDemo(page);
	await expect(page.getByTestId('notes-count')).toContainText(/\d{3}/);
}

/**
 * Records consent in an open participant form as the researcher would: the date it was given
 * (today), written, then the scopes agreed to (nothing is on until then).
 */
export async function recordConsent(
	dialog: Locator,
	scopes: {
		location?: 'No location' | 'Neighbourhood only' | 'A grid cell';
		follow?: boolean;
		aggregate?: boolean;
	}
): Promise<void> {
	const d = new Date();
	const pad = (n: number) => String(n).padStart(2, '0');
	await dialog
		.getByLabel('Date given')
		.fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
	await dialog.getByRole('radio', { name: 'Written', exact: true }).check();
	await dialog.getByRole('radio', { name: scopes.location ?? 'A grid cell', exact: true }).check();
	const follow = dialog.getByLabel('Follow-alongs may be recorded');
	if (scopes.follow ?? true) await follow.check();
	const aggregate = dialog.getByLabel('Their data may enter aggregate maps');
	if (scopes.aggregate ?? true) await aggregate.check();
}

/** Adds a participant with consent recorded (everything agreed to unless `location` says less). */
export async function addParticipant(
	page: Page,
	opts: {
		neighbourhood?: string;
		code?: string;
		location?: 'No location' | 'Neighbourhood only' | 'A grid cell';
	}
): Promise<string> {
	await openApp(page, '/notes/participants');
	await page.getByRole('button', { name: 'Add participant' }).click();
	const dialog = page.getByRole('dialog');
	if (opts.neighbourhood)
		await dialog.getByRole('radio', { name: opts.neighbourhood, exact: true }).check();
	const code = dialog.getByLabel('Code');
	if (opts.code) await code.fill(opts.code);
	else await expect(code).not.toHaveValue('');
	await recordConsent(dialog, { location: opts.location });
	const value = await code.inputValue();
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText(`${value} saved`);
	return value;
}

/** Every record in every IndexedDB database of the origin, typed arrays turned into plain arrays. */
export async function dumpIndexedDb(page: Page): Promise<unknown[]> {
	return page.evaluate(async () => {
		const plain = (v: unknown): unknown => {
			if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
			if (Array.isArray(v)) return v.map(plain);
			if (v && typeof v === 'object')
				return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
			return v;
		};
		const out: unknown[] = [];
		for (const info of await indexedDB.databases()) {
			const db = await new Promise<IDBDatabase>((res, rej) => {
				const r = indexedDB.open(info.name!);
				r.onsuccess = () => res(r.result);
				r.onerror = () => rej(r.error);
			});
			for (const store of Array.from(db.objectStoreNames)) {
				const rows = await new Promise<unknown[]>((res, rej) => {
					const r = db.transaction(store).objectStore(store).getAll();
					r.onsuccess = () => res(r.result);
					r.onerror = () => rej(r.error);
				});
				out.push(...rows.map((row) => ({ db: info.name, store, row: plain(row) })));
			}
			db.close();
		}
		return out;
	});
}

/**
 * `dumpIndexedDb` less what every unlock rewrites by design (the drop box's writer keys and the
 * vault state's tag): for "nothing was written" across a reload and unlock.
 */
export async function dumpBesideUnlock(page: Page): Promise<unknown[]> {
	const unlockState = new Set(['dropBox', 'vaultMac']);
	return (await dumpIndexedDb(page)).filter((e) => {
		const { store, row } = e as { store: string; row: { key?: string } };
		return !(store === 'meta' && unlockState.has(row.key ?? ''));
	});
}

/** All numbers anywhere in a value. */
export function numbersIn(value: unknown, out: number[] = []): number[] {
	if (typeof value === 'number') out.push(value);
	else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
	else if (value && typeof value === 'object')
		Object.values(value).forEach((v) => numbersIn(v, out));
	return out;
}

/** The row of the note's details under the editor (genre, participants, codes, place, …). */
export function noteDetails(page: Page): Locator {
	return page.getByRole('group', { name: /^(Note details|Notens detaljer)$/ });
}

/** Taps a detail's chip under the editor (by its name: `Location`, `Place`…) and returns its dialog. */
export async function openNoteDetail(page: Page, name: string): Promise<Locator> {
	await noteDetails(page)
		.getByRole('button', { name: new RegExp(`^${name}: `) })
		.click();
	const dialog = page.getByRole('dialog', { name, exact: true });
	await expect(dialog).toBeVisible();
	return dialog;
}

/** Closes the detail's dialog with Done. */
export async function closeNoteDetail(dialog: Locator): Promise<void> {
	await dialog.getByRole('button', { name: /^(Done|Færdig)$/ }).click();
	await expect(dialog).toBeHidden();
}
