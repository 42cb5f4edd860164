import { expect, test, type BrowserContext, type Page } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, openApp, setDisplayName, statusRegion } from './driver';
import { dumpBesideUnlock } from './notes-driver';
import {
	addPlace,
	chooseTeamPackage,
	confirmImport,
	conflictCard,
	editPlace,
	enterTeamKey,
	exportTeamPackage,
	generateTeamKey,
	glossaryNames,
	glossarySnapshot,
	importPreview,
	importTeamPackage,
	settleConflict
} from './places-driver';

let dir = '';
const profiles: BrowserContext[] = [];
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-exchange-'));
});
test.afterEach(async () => {
	for (const c of profiles.splice(0)) await c.close();
	rmSync(dir, { recursive: true, force: true });
});

/** An ethnographer: a browser profile of their own, on their own device, with their name set. */
async function ethnographer(name: string): Promise<Page> {
	const { context, page } = await launchProfile(join(dir, name));
	profiles.push(context);
	await openApp(page, '/');
	await setDisplayName(page, name);
	return page;
}

test('two ethnographers exchange places both ways, settle a conflict and end with the same glossary', async () => {
	// Two browsers and some thirty page loads, each of which unlocks the encrypted workspace again.
	test.setTimeout(360_000);
	const anna = await ethnographer('Anna');
	const bo = await ethnographer('Bo');

	await addPlace(anna, {
		name: 'Kirketrappen',
		aliases: ['Trappen'],
		category: 'Hangout',
		neighbourhood: 'Vesterbro'
	});
	await addPlace(anna, {
		name: 'Mekka',
		category: 'Buying',
		point: { lat: 55.6685, lon: 12.5605, radius: 40 }
	});
	await addPlace(bo, { name: 'Lygten', category: 'Transport', neighbourhood: 'Nordvest' });

	// Anna makes the team's package key and Bo enters it: every package below is encrypted with it.
	const key = await generateTeamKey(anna);
	await enterTeamKey(bo, key);
	const byTeamKey = { protection: { teamKey: true } } as const;

	// Anna → Bo, then Bo → Anna: each now holds all three.
	const annaFirst = await exportTeamPackage(anna, dir, byTeamKey);
	await chooseTeamPackage(bo, annaFirst);
	await expect(importPreview(bo)).toContainText('From Anna');
	await expect(importPreview(bo)).toContainText('new');
	await confirmImport(bo);
	const boFirst = await exportTeamPackage(bo, dir, byTeamKey);
	await importTeamPackage(anna, boFirst);
	expect(await glossaryNames(anna)).toEqual(['Kirketrappen', 'Lygten', 'Mekka']);
	expect(await glossaryNames(bo)).toEqual(['Kirketrappen', 'Lygten', 'Mekka']);

	// Both change Kirketrappen; each also changes a place the other leaves alone.
	await editPlace(anna, 'Kirketrappen', { name: 'Kirketrappen ved Enghave' });
	await editPlace(anna, 'Mekka', { aliases: ['Kødbyen-hjørnet'] });
	await editPlace(bo, 'Kirketrappen', { category: 'Using' });
	await editPlace(bo, 'Lygten', { official: 'Lygten 2' });

	// Bo imports Anna's changes: Mekka is simply taken, Kirketrappen is shown side by side.
	const annaSecond = await exportTeamPackage(anna, dir, byTeamKey);
	await chooseTeamPackage(bo, annaSecond);
	const card = conflictCard(bo);
	await expect(card).toContainText('Changed on both devices since you last exchanged.');
	await expect(card.getByRole('region', { name: 'On this device' })).toContainText('Kirketrappen');
	await expect(card.getByRole('region', { name: 'On this device' })).toContainText('Using');
	await expect(card.getByRole('region', { name: 'In the package from Anna' })).toContainText(
		'Kirketrappen ved Enghave'
	);
	await expect(card.getByRole('region', { name: 'In the package from Anna' })).toContainText(
		'Changed by Anna'
	);
	// Nothing is written until the conflict is settled.
	await expect(
		importPreview(bo).getByRole('button', { name: 'Import', exact: true })
	).toBeDisabled();
	await settleConflict(bo, 'Take theirs');
	await confirmImport(bo);
	await expect(statusRegion(bo)).toContainText('Conflicts settled: 1');
	await expect(bo.getByRole('region', { name: 'Imports on this device' })).toContainText(
		'Places “Kirketrappen ved Enghave”: took the package’s version'
	);

	// Bo → Anna: the settled version and Bo's own change arrive without a conflict.
	const boSecond = await exportTeamPackage(bo, dir, byTeamKey);
	await chooseTeamPackage(anna, boSecond);
	await expect(conflictCard(anna)).toHaveCount(0);
	await confirmImport(anna);

	const annaSees = await glossarySnapshot(anna);
	expect(annaSees).toEqual(await glossarySnapshot(bo));
	expect(annaSees.join('\n')).toContain('Kirketrappen ved Enghave');
	expect(annaSees.join('\n')).toContain('Lygten 2');
	expect(annaSees.join('\n')).toContain('Kødbyen-hjørnet');

	// A third import of an old package changes nothing, on either side.
	for (const [page, old] of [
		[bo, annaFirst],
		[anna, boFirst]
	] as const) {
		const before = await dumpBesideUnlock(page);
		await chooseTeamPackage(page, old);
		await expect(importPreview(page)).toContainText(
			'Nothing new: this device already has everything in the package.'
		);
		await expect(
			importPreview(page).getByRole('button', { name: 'Import', exact: true })
		).toHaveCount(0);
		expect(await dumpBesideUnlock(page)).toEqual(before);
	}
	expect(await glossarySnapshot(bo)).toEqual(annaSees);
});
