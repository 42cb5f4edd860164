import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateTeamKey, teamKeyId } from '$lib/crypto';
import { CHEAP_KDF } from '$lib/testing/crypto';
import { placesRepo } from '$lib/db/places.repo';
import { updateSettings } from '$lib/db/settings.repo';
import { closeWorkspace, deleteWorkspace, openWorkspace } from '$lib/db/workspace';
import { savePlace } from '$lib/features/places/places.service';
import {
	NoTeamKeyError,
	PlaintextNotConfirmedError,
	type Protection
} from '$lib/features/export/export-protection.service';
import { buildTeamPackage, sealTeamPackage, type ExportChoice } from './package-export.service';
import { readTeamPackage } from './package-import.service';
import { applyPackageImport } from './package-apply.service';

const A = `enc-a-${process.pid}-${Math.random().toString(36).slice(2)}`;
const B = `enc-b-${process.pid}-${Math.random().toString(36).slice(2)}`;
const use = (name: string) => openWorkspace('main', name);
const PASS = 'tabby cruelty rotunda unlatch';
const GLOSSARY: ExportChoice = { notes: null, participants: false, followAlongIds: [] };

beforeEach(async () => {
	await use(B);
	await use(A);
});
afterEach(async () => {
	closeWorkspace();
	await deleteWorkspace('main', A);
	await deleteWorkspace('main', B);
});

async function exportFromA(protection: Protection) {
	await use(A);
	await savePlace(null, { name: 'Trappen ved Kødbyen' });
	const file = await buildTeamPackage(GLOSSARY, 'Anna');
	return sealTeamPackage(file, protection, { kdf: CHEAP_KDF });
}

const placeNames = async () => (await placesRepo.list()).map((p) => p.name);

describe('an encrypted team package', () => {
	it('travels under the team key both devices hold, without a passphrase', async () => {
		const key = generateTeamKey().text;
		await use(B);
		await updateSettings({ teamPackageKey: key });
		await use(A);
		await updateSettings({ teamPackageKey: key });
		const file = await exportFromA({ kind: 'team-key' });
		expect(file.encrypted).toBe(true);
		expect(file.filename).toMatch(/\.stedsans$/);
		expect(file.text).not.toContain('Kødbyen');

		await use(B);
		const r = await readTeamPackage(file.text, file.text.length);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		await applyPackageImport(r.preview, new Map(), ' (fra Anna)');
		expect(await placeNames()).toContain('Trappen ved Kødbyen');
	});

	it('says which key is missing or different, and writes nothing', async () => {
		const key = generateTeamKey();
		const id = await teamKeyId(key.secret);
		await use(A);
		await updateSettings({ teamPackageKey: key.text });
		const file = await exportFromA({ kind: 'team-key' });

		await use(B);
		const before = await placeNames();
		expect(await readTeamPackage(file.text, file.text.length)).toEqual({
			ok: false,
			problem: { kind: 'no-team-key', id }
		});
		const other = generateTeamKey();
		await updateSettings({ teamPackageKey: other.text });
		expect(await readTeamPackage(file.text, file.text.length)).toEqual({
			ok: false,
			problem: { kind: 'other-team-key', id, mine: await teamKeyId(other.secret) }
		});
		expect(await placeNames()).toEqual(before);
	});

	it('can be sealed with a passphrase instead, which the import asks for', async () => {
		const file = await exportFromA({ kind: 'passphrase', passphrase: PASS });
		await use(B);
		const unlock = { kdf: CHEAP_KDF };
		expect(await readTeamPackage(file.text, file.text.length, unlock)).toEqual({
			ok: false,
			problem: { kind: 'encrypted' }
		});
		expect(
			await readTeamPackage(file.text, file.text.length, { ...unlock, passphrase: 'nope nope' })
		).toEqual({ ok: false, problem: { kind: 'wrong-passphrase' } });
		const r = await readTeamPackage(file.text, file.text.length, { ...unlock, passphrase: PASS });
		expect(r.ok && r.preview.header.madeBy.displayName).toBe('Anna');
	});

	it('refuses a changed file as damaged', async () => {
		const file = await exportFromA({ kind: 'passphrase', passphrase: PASS });
		// The first chunk's IV (its first bytes) changed by one character.
		const json = JSON.parse(file.text) as { chunks: string[] };
		const [first, ...rest] = json.chunks;
		const changed = JSON.stringify({
			...json,
			chunks: [(first![0] === 'A' ? 'B' : 'A') + first!.slice(1), ...rest]
		});
		await use(B);
		expect(
			await readTeamPackage(changed, changed.length, { passphrase: PASS, kdf: CHEAP_KDF })
		).toEqual({ ok: false, problem: { kind: 'damaged-envelope' } });
	});

	it('needs a team key to be set up before sealing with it', async () => {
		await expect(exportFromA({ kind: 'team-key' })).rejects.toBeInstanceOf(NoTeamKeyError);
	});
});

describe('a plaintext team package', () => {
	it('is written only with the explicit confirmation', async () => {
		await expect(
			exportFromA({ kind: 'plaintext' } as unknown as Protection)
		).rejects.toBeInstanceOf(PlaintextNotConfirmedError);
		const file = await exportFromA({ kind: 'plaintext', confirmed: true });
		expect(file).toMatchObject({ encrypted: false });
		expect(file.text).toContain('Trappen ved Kødbyen');
	});
});
