import { expect, test, type Page } from './fixtures';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	alertRegion,
	displayNameField,
	eraseWorkspace,
	exportBackup,
	exportedRecords,
	importBackup,
	importBoundaries,
	openApp,
	outlineEntry,
	readBackup,
	setDisplayName,
	simulateFullDisk,
	statusRegion,
	TEST_PASSPHRASE,
	withoutSecrets,
	type BackupDocument
} from './driver';

let dir: string;
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-backup-'));
});
test.afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** A workspace with something in every table: a profile, imported outlines, one in the trash. */
async function fillWorkspace(page: Page): Promise<void> {
	await setDisplayName(page, 'Sofie Holm');
	await importBoundaries(page);
	await outlineEntry(page, 'Nordvest')
		.getByRole('button', { name: 'Use the approximate outline again' })
		.click();
	await expect(statusRegion(page)).toContainText('Back to the approximate outline.');
}

test('an encrypted backup brings back every record after the workspace was erased', async ({
	page
}) => {
	await fillWorkspace(page);
	const file = await exportBackup(page, dir);
	expect(file).toMatch(/\.stedsans$/);
	expect(readFileSync(file, 'utf8')).not.toContain('Sofie Holm');
	const before = await readBackup(file);
	expect(before).toMatchObject({ format: 'stedsans-backup', formatVersion: 1 });
	expect(before.records.ethnographers).toHaveLength(1);
	expect(before.records.boundaries).toHaveLength(3);
	expect(before.records.boundaries!.filter((b) => b.deletedAt !== null)).toHaveLength(1);

	await eraseWorkspace(page);
	await openApp(page, '/settings');
	await expect(displayNameField(page)).toHaveValue('');
	await expect(outlineEntry(page, 'Vesterbro')).toContainText(
		'Approximate outline drawn by Stedsans.'
	);
	// What a fresh workspace starts with (e.g. the starter codebook), none of it mine.
	const fresh = await exportedRecords(page, dir);
	expect(fresh.ethnographers ?? []).toEqual([]);
	expect(fresh.boundaries ?? []).toEqual([]);

	await importBackup(page, file, TEST_PASSPHRASE);
	// A plaintext snapshot leaves the settings' secrets out: compare like with like.
	const expected = mergedByTheRules(withoutSecrets(before.records), fresh);
	await expect(statusRegion(page)).toContainText(
		`Backup imported: ${expected.added} added, 0 updated, ${expected.same} unchanged`
	);
	expect(await exportedRecords(page, dir)).toEqual(expected.records);

	await test.step('the user sees it again: outlines and their own name', async () => {
		await openApp(page, '/settings');
		await expect(outlineEntry(page, 'Vesterbro')).toContainText(
			'Imported from kk_kvarterer_subset_4326.geojson'
		);
		await expect(outlineEntry(page, 'Nordvest')).toContainText(
			'Approximate outline drawn by Stedsans.'
		);
		await expect(displayNameField(page)).toHaveValue('Sofie Holm');
	});
});

/**
 * The documented merge: by id, the newer `updatedAt` wins and a tie keeps the record already there
 * (records a fresh workspace makes itself, such as pristine starter codes, tie with the backup's).
 */
function mergedByTheRules(
	incoming: BackupDocument['records'],
	local: BackupDocument['records']
): { records: BackupDocument['records']; added: number; same: number } {
	let added = 0;
	let same = 0;
	const records: BackupDocument['records'] = {};
	for (const table of new Set([...Object.keys(incoming), ...Object.keys(local)])) {
		const mine = new Map((local[table] ?? []).map((r) => [r.id, r]));
		const merged = new Map(mine);
		for (const r of incoming[table] ?? []) {
			const there = mine.get(r.id);
			if (!there) added++;
			else if ((r.updatedAt as number) === (there.updatedAt as number)) same++;
			else throw new Error(`unexpected conflict in ${table} ${String(r.id)}`);
			if (!there) merged.set(r.id, r);
		}
		records[table] = [...merged.values()].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
	}
	return { records, added, same };
}

test('a damaged backup is refused with a message naming the problem, and nothing changes', async ({
	page
}) => {
	await fillWorkspace(page);
	const good = readFileSync(await exportBackup(page, dir, { plaintext: true }), 'utf8');
	const before = JSON.parse(good) as BackupDocument;

	/** The backup with one change; the first ethnographer is also edited (newer), to prove it is not written. */
	const edited = (change: (doc: BackupDocument) => void) => {
		const doc = structuredClone(before);
		const me = doc.records.ethnographers![0]!;
		me.displayName = 'Should not be written';
		me.updatedAt = (me.updatedAt as number) + 60_000;
		change(doc);
		return JSON.stringify(doc);
	};
	const cases: { name: string; text: string; message: RegExp }[] = [
		{
			name: 'bad JSON',
			text: '{"format": "stedsans-backup", this is not JSON',
			message: /This file is not readable JSON \(.+\)\. .*Nothing was changed\./
		},
		{
			name: 'a truncated file',
			text: good.slice(0, Math.floor(good.length * 0.6)),
			message: /This file is not readable JSON \(.+\)\. It may be cut short.*Nothing was changed\./
		},
		{
			name: 'a record with a wrong field type',
			text: edited((doc) => {
				doc.records.boundaries![2]!.sourceName = 42;
			}),
			message:
				/The backup is damaged at records\.boundaries\[2\]\.sourceName: .+\. Nothing was changed\./
		},
		{
			name: 'a record without its id',
			text: edited((doc) => {
				delete doc.records.boundaries![1]!.id;
			}),
			message: /The backup is damaged at records\.boundaries\[1\]\.id: .+\. Nothing was changed\./
		},
		{
			name: 'a backup from a future version',
			text: edited((doc) => {
				doc.formatVersion = 99;
			}),
			message:
				/This backup was made by a newer version of Stedsans \(format 99\)\. Update the app.*Nothing was changed\./
		},
		{
			name: 'not a backup at all',
			text: readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
			message: /This file is not a Stedsans backup\. Nothing was changed\./
		}
	];

	for (const c of cases) {
		await test.step(c.name, async () => {
			await importBackup(page, { name: 'stedsans-backup.json', buffer: Buffer.from(c.text) });
			await expect(alertRegion(page), c.name).toHaveText(c.message);
			await expect(statusRegion(page)).not.toContainText('Backup imported');
			expect(await exportedRecords(page, dir), c.name).toEqual(before.records);
		});
	}
	await openApp(page, '/settings');
	await expect(displayNameField(page)).toHaveValue('Sofie Holm');
});

test('when the device fills up during an import the app says so and nothing is half-written', async ({
	page
}) => {
	await fillWorkspace(page);
	const before = await readBackup(await exportBackup(page, dir, { plaintext: true }));

	// A valid backup with many more records than the workspace holds (copies of an outline, new ids).
	const big = structuredClone(before);
	const template = before.records.boundaries![0]!;
	const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	const ulid = (n: number) =>
		'01J' + [...n.toString(32).padStart(23, '0')].map((d) => crockford[parseInt(d, 32)]).join('');
	big.records.boundaries = [
		...before.records.boundaries!,
		...Array.from({ length: 200 }, (_, n) => ({ ...template, id: ulid(n + 1), deletedAt: 1 }))
	];
	const file = { name: 'big-backup.json', buffer: Buffer.from(JSON.stringify(big)) };

	await simulateFullDisk(page, true);
	await importBackup(page, file);
	await expect(alertRegion(page)).toHaveText(
		/The device is full: Stedsans could not save\. Nothing was half-written\./
	);
	expect(await exportedRecords(page, dir)).toEqual(before.records);

	// With room again, the same file goes in whole.
	await simulateFullDisk(page, false);
	await importBackup(page, file);
	await expect(statusRegion(page)).toContainText('Backup imported: 200 added');
});
