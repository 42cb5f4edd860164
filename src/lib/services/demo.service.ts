import { generateDemo } from '$lib/domain/demo/generate';
import { RECORD_TABLES, type RecordTable, type Row } from '$lib/db/db';
import { ethnographersRepo, setDisplayName } from '$lib/db/ethnographers.repo';
import { guardQuota } from '$lib/db/errors';
import { settingsRepo } from '$lib/db/settings.repo';
import { SETTINGS_ID } from '$lib/domain/settings/workspace-settings';
import { db } from '$lib/db/workspace';

export type Progress = (done: number, total: number) => void;

/**
 * Fills the open (demo) workspace with the seeded synthetic data set, in one transaction.
 * The caller opens the demo workspace first; this never touches the main one.
 */
export async function seedDemo(progress: Progress = () => {}): Promise<void> {
	const demo = generateDemo();
	const rows = new Map<RecordTable, Row[]>();
	const add = (t: RecordTable, r: Row) => rows.set(t, [...(rows.get(t) ?? []), r]);
	const total = demo.ethnographers.length + 1;
	let done = 0;
	const step = () => progress(++done, total);

	const me = await setDisplayName(demo.ethnographers[0]!.displayName);
	for (const e of demo.ethnographers.slice(1)) {
		add('ethnographers', await ethnographersRepo.toRow(ethnographersRepo.prepare(e)));
		step();
	}
	add(
		'settings',
		await settingsRepo.toRow(settingsRepo.prepare({ demo: true }, me.createdAt, SETTINGS_ID))
	);
	step();

	const database = db();
	await guardQuota(() =>
		database.transaction(
			'rw',
			RECORD_TABLES.map((t) => database.recordTable(t)),
			async () => {
				for (const [t, r] of rows) await database.recordTable(t).bulkPut(r);
			}
		)
	);
}
