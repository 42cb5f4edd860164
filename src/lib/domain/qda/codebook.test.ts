import { describe, expect, it } from 'vitest';
import { planCodebookMerge, type ExistingCode } from './codebook-merge';
import { QdcError, readQdc, type QdcProblem } from './codebook-read';

const QDC = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti Win 23.4.0">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Ressourcer" isCodable="true">
      <Description>Netværk &amp; steder</Description>
      <Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Væresteder" isCodable="true">
        <Code guid="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Natcafé" isCodable="true">
          <Description>Åben om natten</Description>
        </Code>
      </Code>
    </Code>
    <Code guid="4FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="  POLITI  " isCodable="false" color="#46AA00"/>
  </Codes>
  <Sets><Set name="code group 1" guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0"/></Sets>
</CodeBook>`;

function problem(input: string | Uint8Array): QdcProblem | undefined {
	try {
		readQdc(input);
	} catch (e) {
		if (e instanceof QdcError) return e.problem;
		throw e;
	}
	return undefined;
}

describe('reading a REFI-QDA codebook (.qdc)', () => {
	it('reads codes with their nesting and descriptions, with or without a BOM', () => {
		const codes = readQdc(new TextEncoder().encode(QDC));
		expect(codes).toEqual([
			{
				name: 'Ressourcer',
				description: 'Netværk & steder',
				children: [
					{
						name: 'Væresteder',
						description: '',
						children: [{ name: 'Natcafé', description: 'Åben om natten', children: [] }]
					}
				]
			},
			{ name: 'POLITI', description: '', children: [] }
		]);
		expect(readQdc(QDC)).toEqual(codes);
	});

	it('names what is wrong with a file that is not a codebook', () => {
		expect(problem('just some text')).toBe('not-xml');
		expect(problem('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>')).toBe('not-xml');
		expect(problem(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff]))).toBe('not-xml');
		expect(problem('<CodeBook><Codes><Code name="x"/></Codes></CodeBook>')).toBe('not-codebook');
		expect(problem('<gpx xmlns="http://www.topografix.com/GPX/1/1"/>')).toBe('not-codebook');
		expect(problem('<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>')).toBe('project-file');
		expect(problem('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')).toBe(
			'no-codes'
		);
		expect(
			problem('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code/></Codes></CodeBook>')
		).toBe('unnamed-code');
		expect(problem('x'.repeat(5 * 1024 * 1024 + 1))).toBe('too-large');
	});

	it('refuses document type declarations, so no entity is ever expanded', () => {
		const laughs = `<?xml version="1.0"?>
<!DOCTYPE CodeBook [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="&b;"/></Codes></CodeBook>`;
		expect(problem(laughs)).toBe('dtd');
		const external = `<!DOCTYPE x SYSTEM "file:///etc/passwd"><CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>`;
		expect(problem(external)).toBe('dtd');
	});
});

const existing: ExistingCode[] = [
	{
		id: 'RES',
		parentId: null,
		label: { en: 'Resources', da: 'Ressourcer' },
		definition: { en: 'What helps.', da: 'Det, der hjælper.' }
	},
	{
		id: 'POL',
		parentId: 'STR',
		label: { en: 'Police or security', da: 'Politi' },
		definition: { en: '', da: '' }
	},
	{
		id: 'STR',
		parentId: null,
		label: { en: 'Stress factors', da: 'Stressfaktorer' },
		definition: { en: '', da: '' }
	}
];

describe('merging an imported codebook by name', () => {
	const plan = planCodebookMerge(existing, readQdc(QDC), 'da');

	it('matches codes by name in either language, case and spacing aside', () => {
		expect(plan.matched).toBe(2);
		// Two new codes: "Væresteder" under Ressourcer, and "Natcafé" flattened under it too.
		expect(plan.created.map((c) => [c.label.da, c.parentId, c.parentKey])).toEqual([
			['Væresteder', 'RES', null],
			['Natcafé', 'RES', null]
		]);
		expect(plan.flattened).toBe(1);
		expect(plan.created[1]!.definition).toEqual({ en: '', da: 'Åben om natten' });
	});

	it('adds a description to a definition without losing what was there', () => {
		expect(plan.updated).toEqual([
			{ id: 'RES', definition: { en: 'What helps.', da: 'Det, der hjælper.\n\nNetværk & steder' } }
		]);
		// Importing the same file again changes nothing.
		const again = planCodebookMerge(
			[
				{ ...existing[0]!, definition: plan.updated[0]!.definition },
				...existing.slice(1),
				...plan.created.map((c, i) => ({ ...c, id: `NEW${i}`, parentId: 'RES' }))
			],
			readQdc(QDC),
			'da'
		);
		expect(again.created).toEqual([]);
		expect(again.updated).toEqual([]);
		expect(again.matched).toBe(4);
	});

	it('nests children of a matched child code under its parent, one level deep', () => {
		const qdc = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
			<Code name="police or security" isCodable="true"><Code name="Visitation" isCodable="true"/></Code>
			<Code name="New top" isCodable="true"><Code name="New child" isCodable="true"/></Code>
		</Codes></CodeBook>`;
		const p = planCodebookMerge(existing, readQdc(qdc), 'en');
		expect(p.created.map((c) => [c.label.en, c.parentId, c.parentKey])).toEqual([
			['Visitation', 'STR', null],
			['New top', null, null],
			['New child', null, 1]
		]);
		expect(p.flattened).toBe(1);
	});

	it('refuses a code the codebook cannot hold, before anything is written', () => {
		const long = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="${'x'.repeat(81)}" isCodable="true"/></Codes></CodeBook>`;
		expect(() => planCodebookMerge(existing, readQdc(long), 'en')).toThrow(QdcError);
	});
});
