import { describe, expect, it } from 'vitest';
import { around, countByKind, scanRecord } from './findings';
import { FIXTURE_NOW } from '$lib/testing/identifiers';
import { recordTexts } from './record-text';

const options = { names: ['Søren Ravn'], now: FIXTURE_NOW };

describe('scanning records for an export', () => {
	it('finds identifiers in a note, with where they are and the text around them', () => {
		const note = {
			id: 'N1',
			observedAt: 1_700_000_000_000,
			text: 'Vi sad på trappen. Søren Ravn gav mig sit nummer 23 45 67 89 og gik.',
			placeLabel: 'trappen'
		};
		const findings = scanRecord('notes', note, options);
		expect(findings.map((f) => [f.kind, f.text, f.field])).toEqual([
			['name', 'Søren Ravn', 'text'],
			['phone', '23 45 67 89', 'text']
		]);
		expect(findings[0]).toMatchObject({
			table: 'notes',
			id: 'N1',
			label: { kind: 'time', at: 1_700_000_000_000 },
			before: 'Vi sad på trappen. ',
			after: ' gav mig sit nummer 23 45 67 89…'
		});
	});

	it('reads every free-text field: place names, aliases, descriptions, codes, stops, days', () => {
		const cpr = '010150-1234';
		const place = {
			id: 'P1',
			name: `Bænken ${cpr}`,
			aliases: ['Mekka', 'ring 23456789'],
			officialName: null,
			institution: false,
			description: { doc: {}, text: 'mail ole@example.dk' }
		};
		expect(scanRecord('places', place, options).map((f) => f.field)).toEqual([
			'name',
			'aliases.1',
			'description'
		]);
		expect(scanRecord('participants', { id: 'X', code: '0101501234' }, options)).toHaveLength(1);
		expect(
			scanRecord(
				'stops',
				{ id: 'S', ownName: 'hos Søren Ravn', present: 'AB 12 345' },
				options
			).map((f) => f.kind)
		).toEqual(['name', 'plate']);
		expect(scanRecord('followAlongs', { id: 'F', companions: cpr }, options)).toHaveLength(1);
		expect(
			scanRecord(
				'codes',
				{ id: 'C', label: { en: 'x', da: 'y' }, definition: { en: cpr } },
				options
			)
		).toHaveLength(1);
	});

	it('looks into a place history on both sides, so what was redacted does not linger there', () => {
		const revision = {
			id: 'R',
			at: 5,
			changes: [
				{ field: 'name', from: 'Sørens trappe 23456789', to: 'Trappen' },
				{ field: 'description', from: { text: 'ole@example.dk' }, to: { text: '' } },
				{ field: 'aliases', from: [], to: ['010150-1234'] }
			]
		};
		expect(scanRecord('placeRevisions', revision, options).map((f) => f.field)).toEqual([
			'changes.0.from',
			'changes.1.from',
			'changes.2.to.0'
		]);
	});

	it('does not flag the public address of an institution, but does flag a private one', () => {
		const institution = {
			id: 'I',
			name: 'Halmtorvet 9D',
			institution: true,
			officialName: 'Halmtorvet 17'
		};
		expect(scanRecord('places', institution, options)).toEqual([]);
		const home = { id: 'H', name: 'Istedgade 45', institution: false };
		expect(scanRecord('places', home, options).map((f) => f.kind)).toEqual(['address']);
	});

	it('has nothing to say about tables without free text', () => {
		expect(recordTexts('fixChunks', { id: 'x', t: '0101501234' })).toEqual([]);
		expect(recordTexts('settings', { id: 'x', forbiddenNames: ['Søren Ravn'] })).toEqual([]);
	});

	it('counts by kind', () => {
		const note = { id: 'N', text: '23456789 og 34567890 og 010150-1234' };
		expect(countByKind(scanRecord('notes', note, options))).toEqual({ phone: 2, cpr: 1 });
	});
});

describe('the text around a hit', () => {
	it('is cut at a word and marked where cut, on one line', () => {
		const text =
			'En lang indledning der bliver ved og ved.\nHer: 23456789\nog så videre med mere tekst bagefter';
		const at = text.indexOf('23456789');
		expect(around(text, at, at + 8)).toEqual([
			'…der bliver ved og ved. Her: ',
			' og så videre med mere tekst…'
		]);
	});

	it('keeps short text whole', () => {
		expect(around('ring 23456789', 5, 13)).toEqual(['ring ', '']);
	});
});

describe('one export scanned in order', () => {
	it('treats a place history like the place, and lists a value that stayed once', async () => {
		const { ExportScanner } = await import('./findings');
		const scanner = new ExportScanner(options);
		const institution = { id: 'I', name: 'Halmtorvet 9D', institution: true };
		const home = { id: 'H', name: 'Bænken 23456789', institution: false };
		expect(scanner.scan('places', institution)).toEqual([]);
		expect(scanner.scan('places', home)).toHaveLength(1);
		const revision = (id: string, placeId: string, from: string, to: string) => ({
			id,
			placeId,
			at: 1,
			changes: [{ field: 'name', from, to }]
		});
		expect(scanner.scan('placeRevisions', revision('R1', 'I', '', 'Halmtorvet 9D'))).toEqual([]);
		// The place still has the number: its history adds nothing new.
		expect(
			scanner.scan('placeRevisions', revision('R2', 'H', 'Bænken', 'Bænken 23456789'))
		).toEqual([]);
		const r3 = scanner.scan('placeRevisions', revision('R3', 'H', 'Bænken 34567890', 'Bænken'));
		expect(r3.map((f) => f.text)).toEqual(['34567890']);
		expect(scanner.scan('placeRevisions', revision('R4', 'H', 'x 34567890', 'y'))).toEqual([]);
	});
});
