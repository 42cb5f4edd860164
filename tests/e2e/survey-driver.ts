import type { Page } from '@playwright/test';

/** The user's verbs for the Import survey screen. */

/** A Kobo-style export: split geopoints with precision, one answer too imprecise, one outside. */
export const KOBO_CSV = [
	'start,study_id,_sleep_latitude,_sleep_longitude,_sleep_altitude,_sleep_precision,_buy_latitude,_buy_longitude,_buy_altitude,_buy_precision',
	'2026-10-01,VB-301,55.670213,12.555937,10,8,55.664871,12.551633,10,12',
	'2026-10-01,NV-302,55.704622,12.529811,10,6,,,,',
	'2026-10-01,SH-303,55.658517,12.599342,10,900,55.658611,12.599012,10,5',
	'2026-10-01,VB-304,55.401,12.201,10,5,55.664871,12.551633,10,9'
].join('\n');

/** From the participants list: Import survey, then the file. */
export async function chooseSurveyFile(page: Page, name: string, text: string): Promise<void> {
	await page.getByRole('link', { name: /^(Import survey|Importér spørgeskema)$/ }).click();
	await page
		.getByLabel(/^(Survey file|Spørgeskemafil)$/)
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}
