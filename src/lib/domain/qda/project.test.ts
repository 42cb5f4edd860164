import { DOMParser, type Element } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../../tests/shared-dir';
import { qdaGuid } from './guid';
import { cpLength, cpSlice, docToQdaText, QUOTE_CLOSE, QUOTE_OPEN } from './plain-text';
import { buildProject, QDA_PROJECT_NS } from './project';
import { TEST_QUOTES, testProject } from './test-project';

const XSD = sharedPath('refi-qda/Project-mrt2019.xsd');
const dir = mkdtempSync(join(tmpdir(), 'stedsans-qda-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Validates with Debian's xmllint (libxml2-utils; .ci/run installs it): status and messages. */
function xmllint(xml: string): { status: number | null; out: string } {
	const file = join(dir, `project-${Math.random().toString(36).slice(2)}.qde`);
	writeFileSync(file, xml);
	const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
	if (r.error) throw new Error(`xmllint is needed for this test: ${r.error.message}`);
	return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const all = (el: { getElementsByTagNameNS: Element['getElementsByTagNameNS'] }, name: string) =>
	Array.from(el.getElementsByTagNameNS(QDA_PROJECT_NS, name));

describe('a REFI-QDA project', () => {
	const input = testProject();
	const project = buildProject(input);
	const doc = parse(project.qde);

	it('is valid against the REFI-QDA Project schema (xmllint)', () => {
		const { status, out } = xmllint(project.qde);
		expect(out).toContain('validates');
		expect(status).toBe(0);
	});

	it('is refused by the validator when it breaks the schema (the check is real)', () => {
		const broken = project.qde.replace('<Sources>', '<Sources><Nonsense/>');
		expect(xmllint(broken).status).not.toBe(0);
	});

	it('finds every selection’s text at its code-point offsets', () => {
		const files = new Map(project.sources.map((s) => [s.path, s.text]));
		const sources = all(doc, 'TextSource');
		expect(sources).toHaveLength(input.notes.length);
		let quotes = 0;
		for (const source of sources) {
			const path = source.getAttribute('plainTextPath')!.replace('internal://', 'Sources/');
			const text = files.get(path)!;
			expect(text).toBeDefined();
			const found = all(source, 'PlainTextSelection').map((sel) => ({
				quote: sel.getAttribute('name') === 'Verbatim quote',
				text: cpSlice(
					text,
					Number(sel.getAttribute('startPosition')),
					Number(sel.getAttribute('endPosition'))
				)
			}));
			for (const f of found.filter((f) => !f.quote)) expect(f.text).toBe(text);
			const quoted = found.filter((f) => f.quote).map((f) => f.text);
			quotes += quoted.length;
			for (const q of quoted) expect(text).toContain(`${QUOTE_OPEN}${q}${QUOTE_CLOSE}`);
		}
		const expected = TEST_QUOTES.map((lines) => lines.join('\n'));
		const all_quotes = sources.flatMap((s) =>
			all(s, 'PlainTextSelection')
				.filter((sel) => sel.getAttribute('name') === 'Verbatim quote')
				.map((sel) => {
					const path = s.getAttribute('plainTextPath')!.replace('internal://', 'Sources/');
					const text = project.sources.find((f) => f.path === path)!.text;
					return cpSlice(
						text,
						Number(sel.getAttribute('startPosition')),
						Number(sel.getAttribute('endPosition'))
					);
				})
		);
		expect(all_quotes.sort()).toEqual(expected.sort());
		expect(quotes).toBe(project.counts.quotes);
	});

	it('counts code points, not UTF-16 units, over text without BOM or CR', () => {
		const { text, quotes } = docToQdaText(input.notes[1]!.doc);
		// 👩🏽‍⚕️ is 5 code points and 7 UTF-16 units; e + U+0301 is 2 code points.
		expect(text).toContain('👩🏽‍⚕️ og e\u0301 og Å.\nBOM væk, klokke væk.');
		for (const gone of ['\r', '\uFEFF', '\u0007']) expect(text).not.toContain(gone);
		const q = quotes[0]!;
		const utf16Start = text.indexOf(TEST_QUOTES[1]![0]!);
		expect(q.start).toBe(utf16Start - 2); // the emoji before the quote: 7 units, 5 code points
		expect(q.end - q.start).toBe(cpLength(TEST_QUOTES[1]![0]!));
		expect(cpSlice(text, q.start, q.end)).toBe(TEST_QUOTES[1]![0]);
		for (const f of project.sources) {
			expect(f.text.startsWith('\uFEFF')).toBe(false);
			expect(f.text).not.toContain('\r');
		}
	});

	it('keeps verbatim quotes recognisable in the plain text', () => {
		expect(docToQdaText(input.notes[0]!.doc).text).toBe(
			'Mødte @VB-014 på bænken ved Halmtorvet 😀.\n\n' +
				'“Vi blev jaget væk igen 😤 — “igen”!\nOg så gik vi til Ørestad.”\n\n- regn'
		);
	});

	it('escapes markup and keeps names as written', () => {
		const root = doc.documentElement!;
		expect(root.namespaceURI).toBe(QDA_PROJECT_NS);
		expect(root.getAttribute('name')).toBe('Stedsans & co <test>');
		const names = all(doc, 'User').map((u) => u.getAttribute('name'));
		expect(names).toEqual(['AK', 'Lærke "LM" Møller']);
		expect(all(doc, 'Code').map((c) => c.getAttribute('name'))).toContain('Police & security');
	});

	it('holds the codebook nested, definitions as descriptions, in the UI’s language', () => {
		const da = parse(buildProject(testProject({ labels: { ...input.labels, lang: 'da' } })).qde);
		const top = all(da, 'Codes')[0]!;
		const tops = Array.from(top.childNodes).filter((n) => n.nodeName === 'Code') as Element[];
		expect(tops.map((c) => c.getAttribute('name'))).toEqual(['Ressourcer', 'Stressfaktorer']);
		const stress = tops[1]!;
		const children = all(stress, 'Code').map((c) => c.getAttribute('name'));
		// A label missing in Danish falls back to the English one.
		expect(children).toEqual(['Politi og vagter', 'Waiting']);
		expect(all(stress, 'Description')[0]!.textContent).toBe('Det, der gør livet sværere.');
	});

	it('codes each note as a whole, once per code, and names sources by date, time and genre', () => {
		const sources = all(doc, 'TextSource');
		expect(sources.map((s) => s.getAttribute('name'))).toEqual([
			'2026-03-03 14:05 · Jotting',
			'2026-03-03 14:05 · Jotting (2)',
			'2026-03-03 14:06 · Verbatim quote',
			'2026-03-03 14:08 · Jotting'
		]);
		const codings = all(doc, 'Coding');
		expect(codings).toHaveLength(5);
		expect(project.counts.codings).toBe(5);
		// The note without codes has no coded selection.
		expect(all(sources[3]!, 'PlainTextSelection')).toHaveLength(0);
	});

	it('has a case per participant with its variables, linked to the sources that mention them', () => {
		const cases = all(doc, 'Case');
		expect(cases.map((c) => c.getAttribute('name'))).toEqual(['VB-014', 'NV-003']);
		const variables = new Map(
			all(doc, 'Variable').map((v) => [v.getAttribute('guid'), v.getAttribute('name')])
		);
		const values = (c: Element) =>
			Object.fromEntries(
				all(c, 'VariableValue').map((v) => [
					variables.get(all(v, 'VariableRef')[0]!.getAttribute('targetGUID')),
					Array.from(v.childNodes).find(
						(n) => n.nodeType === n.ELEMENT_NODE && n.nodeName !== 'VariableRef'
					)!.textContent
				])
			);
		expect(values(cases[0]!)).toEqual({
			Neighbourhood: 'Vesterbro',
			'Location consent': 'grid cell',
			'Follow-along consent': 'true',
			'Aggregate consent': 'true',
			Withdrawn: 'false'
		});
		expect(values(cases[1]!)).toMatchObject({ 'Location consent': 'none', Withdrawn: 'true' });
		expect(all(cases[0]!, 'SourceRef')).toHaveLength(2);
		expect(all(cases[1]!, 'SourceRef')).toHaveLength(1);
	});

	it('has sets for glossary places and follow-along days', () => {
		const sets = all(doc, 'Set').map((s) => [
			s.getAttribute('name'),
			all(s, 'MemberSource').length
		]);
		expect(sets).toEqual([
			['Place: Halmtorvet', 1],
			['Follow-along 2026-03-03 · VB-014', 2]
		]);
	});

	it('gives every record the same GUID in a second export, and GUIDs of the UUID form', () => {
		const again = buildProject({ ...input, exportedAt: input.exportedAt + 86_400_000 });
		const guids = (xml: string) => [...xml.matchAll(/(?:guid|GUID)="([^"]+)"/g)].map((m) => m[1]);
		expect(guids(again.qde)).toEqual(guids(project.qde));
		expect(new Set(guids(project.qde)).size).toBeGreaterThan(20);
		for (const g of guids(project.qde))
			expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		// Sources are in observed order, then by id (ids are random: not the order made in).
		const first = [...input.notes].sort(
			(a, b) => a.observedAt - b.observedAt || (a.id < b.id ? -1 : 1)
		)[0]!;
		expect(qdaGuid('source', first.id)).toBe(all(doc, 'TextSource')[0]!.getAttribute('guid'));
	});

	it('drops characters XML 1.0 forbids instead of writing an unreadable file', () => {
		const bad = testProject({ name: 'a\u0000b\u0007c\uD800d\uFFFEe' });
		const built = buildProject(bad);
		expect(parse(built.qde).documentElement!.getAttribute('name')).toBe('abcde');
		expect(xmllint(built.qde).status).toBe(0);
	});
});
