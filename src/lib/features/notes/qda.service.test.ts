import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { CHEAP_KDF } from '$lib/testing/crypto';
import { textToDoc } from '$lib/domain/notes/doc';
import { QdcError } from '$lib/domain/qda/codebook-read';
import { TEST_LABELS } from '$lib/domain/qda/test-project';
import { codesRepo } from '$lib/db/codes.repo';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { notesRepo, type Note } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { placesRepo } from '$lib/db/places.repo';
import { dropWorkspace, freshWorkspace } from '$lib/testing/workspace';
import { setDisplayName } from '$lib/db/ethnographers.repo';
import { openQdaFile, prepareQdaExport, sealQdaExport } from './qda-export.service';
import { importCodebook } from './qdc-import.service';

let name = '';
beforeEach(async () => {
	name = await freshWorkspace();
});
afterEach(async () => {
	await dropWorkspace(name);
});

const file = (text: string) => {
	const bytes = new TextEncoder().encode(text);
	return { size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
};

async function workspace() {
	await setDisplayName('AK');
	const vb = await participantsRepo.create({ code: 'VB-014', neighbourhood: 'vesterbro' });
	const gone = await participantsRepo.create({ code: 'NV-003' });
	await participantsRepo.remove(gone.id);
	const place = await placesRepo.create({ name: 'Halmtorvet', category: 'hangout' });
	const day = await followAlongsRepo.create({ startedAt: Date.now(), participantId: vb.id });
	const code = await codesRepo.create({ label: { en: 'Waiting', da: 'Ventetid' } });
	const note = await notesRepo.create({
		observedAt: Date.now(),
		doc: textToDoc('Ventede ved Halmtorvet. Ring 23 45 67 89.'),
		text: 'Ventede ved Halmtorvet. Ring 23 45 67 89.',
		participantIds: [vb.id, gone.id],
		placeIds: [place.id],
		codeIds: [code.id],
		followAlongId: day.id
	});
	return { vb, gone, place, day, code, note };
}

describe('the REFI-QDA export service', () => {
	it('gathers what the notes link to, and nothing in the trash, for the scan and the file', async () => {
		const w = await workspace();
		const prepared = await prepareQdaExport([w.note], TEST_LABELS, 'Test');
		expect(prepared.input.participants.map((p) => p.code)).toEqual(['VB-014']);
		expect(prepared.input.places.map((p) => p.name)).toEqual(['Halmtorvet']);
		expect(prepared.input.followAlongs.map((f) => f.id)).toEqual([w.day.id]);
		expect(prepared.input.users.map((u) => u.displayName)).toEqual(['AK']);
		// The scan reads what the file holds: the note's text with its phone number.
		expect(prepared.records.notes![0]!.text).toContain('23 45 67 89');
		expect(prepared.records.places).toEqual([
			{ id: w.place.id, name: 'Halmtorvet', institution: false }
		]);
	});

	it('encrypts the .qdpx with a passphrase, and opens it again as the same bytes', async () => {
		const w = await workspace();
		const prepared = await prepareQdaExport([w.note as Note], TEST_LABELS, 'Test');
		const passphrase = 'tabby cruelty rotunda unlatch';
		const sealed = await sealQdaExport(
			prepared,
			{ kind: 'passphrase', passphrase },
			{ kdf: CHEAP_KDF }
		);
		expect(sealed.encrypted).toBe(true);
		expect(sealed.filename).toMatch(/^stedsans-analysis-\d{4}-\d\d-\d\d\.stedsans$/);
		const text = sealed.content as string;
		expect(text).not.toContain('Halmtorvet');
		const asFile = { name: sealed.filename, text: async () => text };

		expect(await openQdaFile(asFile)).toEqual({ ok: false, problem: { kind: 'encrypted' } });
		expect(
			await openQdaFile(asFile, { passphrase: 'wrong horse battery', kdf: CHEAP_KDF })
		).toEqual({ ok: false, problem: { kind: 'wrong-passphrase' } });
		const opened = await openQdaFile(asFile, { passphrase, kdf: CHEAP_KDF });
		if (!opened.ok) throw new Error(opened.problem.kind);
		expect(opened.filename).toBe(sealed.filename.replace('.stedsans', '.qdpx'));
		const entries = unzipSync(opened.content);
		expect(strFromU8(entries['project.qde']!)).toContain('urn:QDA-XML:project:1.0');
		expect(Object.keys(entries).filter((k) => k.startsWith('Sources/'))).toHaveLength(1);

		// The same export as plaintext is the same .qdpx, byte for byte.
		const plain = await sealQdaExport(prepared, { kind: 'plaintext', confirmed: true });
		expect(plain.filename).toMatch(/\.qdpx$/);
		expect(opened.content).toEqual(plain.content);
		expect(
			await openQdaFile({
				name: plain.filename,
				text: async () => strFromU8(plain.content as Uint8Array, true)
			})
		).toEqual({ ok: false, problem: { kind: 'not-encrypted' } });
		expect(await openQdaFile({ name: 'notes.csv', text: async () => 'id,text\n' })).toEqual({
			ok: false,
			problem: { kind: 'not-analysis-file' }
		});
	});
});

const QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
	<Code name="Ventetid" isCodable="true"><Description>At vente på hjælp.</Description>
		<Code name="Køer" isCodable="true"/></Code>
	<Code name="Natcafé" isCodable="true"/>
</Codes></CodeBook>`;

describe('importing a codebook', () => {
	it('merges by name in one go: new codes added under their parents, definitions extended', async () => {
		const waiting = await codesRepo.create({ label: { en: 'Waiting', da: 'Ventetid' } });
		const result = await importCodebook(file(QDC), 'da');
		expect(result).toEqual({ added: 2, matched: 1, updated: 1, flattened: 0 });
		const codes = await codesRepo.list();
		const queue = codes.find((c) => c.label.da === 'Køer')!;
		expect(queue.parentId).toBe(waiting.id);
		expect(codes.find((c) => c.id === waiting.id)!.definition.da).toBe('At vente på hjælp.');
		// Again: nothing new.
		expect(await importCodebook(file(QDC), 'da')).toEqual({
			added: 0,
			matched: 3,
			updated: 0,
			flattened: 0
		});
	});

	it('changes nothing when the file is not a codebook', async () => {
		await codesRepo.create({ label: { en: 'Waiting', da: 'Ventetid' } });
		const before = await codesRepo.list();
		const gpx = '<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk/></gpx>';
		await expect(importCodebook(file(gpx), 'da')).rejects.toThrow(QdcError);
		const tooLong = QDC.replace('Natcafé', 'N'.repeat(81));
		await expect(importCodebook(file(tooLong), 'da')).rejects.toThrow(QdcError);
		expect(await codesRepo.list()).toEqual(before);
	});
});
