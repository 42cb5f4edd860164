import { describe, expect, it } from 'vitest';
import { snapToCell } from '../geo/cells';
import { newId } from '../records/ids';
import { docToText, mentionedIds, textToDoc, type DocNode } from './doc';
import { notesToCsv, notesToGeoJson, notesToMarkdownFiles, type ExportNote } from './export';
import { matchesFilter, rowsByDay } from './filter';
import { docToMarkdown } from './markdown';
import { NoteContent } from './note';
import { NoteSearch } from './search';

const doc: DocNode = {
	type: 'doc',
	content: [
		{
			type: 'paragraph',
			content: [
				{ type: 'text', text: 'Met ' },
				{ type: 'mention', attrs: { id: 'P1', label: 'VB-014' } },
				{ type: 'text', text: ' at the ' },
				{ type: 'text', text: 'benches', marks: [{ type: 'bold' }] }
			]
		},
		{
			type: 'blockquote',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'They moved us again.' }] }]
		},
		{
			type: 'bulletList',
			content: [
				{
					type: 'listItem',
					content: [{ type: 'paragraph', content: [{ type: 'text', text: 'rain' }] }]
				},
				{
					type: 'listItem',
					content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cold' }] }]
				}
			]
		}
	]
};

describe('note documents', () => {
	it('turn into plain text with mentions as labels', () => {
		expect(docToText(doc)).toBe('Met @VB-014 at the benches\nThey moved us again.\nrain\ncold');
		expect(mentionedIds(doc)).toEqual(['P1']);
	});
	it('turn into Markdown, with formatting kept and markup characters escaped', () => {
		expect(docToMarkdown(doc)).toBe(
			'Met @VB-014 at the **benches**\n\n> They moved us again.\n\n- rain\n- cold'
		);
		expect(docToMarkdown(textToDoc('<script>alert(1)</script> *x*'))).toBe(
			'\\<script\\>alert(1)\\</script\\> \\*x\\*'
		);
	});
	it('keep emoji and right-to-left text as they are', () => {
		const text = 'Smiled 😀 — قال: مرحبا';
		expect(docToText(textToDoc(text))).toBe(text);
	});
});

const base = (over: Partial<ExportNote> = {}): ExportNote => ({
	...NoteContent.parse({ observedAt: Date.UTC(2026, 2, 3, 13, 5), doc, text: docToText(doc) }),
	id: newId(),
	author: 'AK',
	participantCodes: ['VB-014'],
	codeLabels: ['Use', 'Police or security'],
	neighbourhoodName: 'Vesterbro',
	genreName: 'Jotting',
	...over
});

describe('filters and grouping', () => {
	it('match on every criterion', () => {
		const n = base({ neighbourhood: 'vesterbro', participantIds: ['P1'], codeIds: ['C1'] });
		expect(matchesFilter(n, { neighbourhood: 'vesterbro', participantId: 'P1' })).toBe(true);
		expect(matchesFilter(n, { neighbourhood: 'nordvest' })).toBe(false);
		expect(matchesFilter(n, { codeIds: new Set(['C0', 'C1']) })).toBe(true);
		expect(matchesFilter(n, { genre: 'memo' })).toBe(false);
		expect(matchesFilter(n, { hasLocation: true })).toBe(false);
		expect(matchesFilter(n, { from: n.observedAt + 1 })).toBe(false);
	});
	it('group newest first under Copenhagen days', () => {
		const a = base({ observedAt: Date.UTC(2026, 0, 1, 10) });
		const b = base({ observedAt: Date.UTC(2026, 0, 2, 10) });
		const c = base({ observedAt: Date.UTC(2026, 0, 2, 11) });
		const rows = rowsByDay([a, b, c]);
		expect(rows.map((r) => (r.kind === 'day' ? r.day : r.note.id))).toEqual([
			'2026-01-02',
			c.id,
			b.id,
			'2026-01-01',
			a.id
		]);
	});
});

describe('search', () => {
	it('finds notes without diacritics and by prefix', () => {
		const s = new NoteSearch();
		s.addAll([
			{
				id: 'a',
				text: 'Ved Kødbyen om aftenen',
				placeLabel: '',
				participants: 'VB-014',
				codes: 'Use'
			},
			{ id: 'b', text: 'Istedgade, regn', placeLabel: 'Bænkene', participants: '', codes: '' }
		]);
		expect(s.search('kodbyen')).toEqual(['a']);
		expect(s.search('baenk')).toEqual(['b']);
		expect(s.search('vb-014')).toEqual(['a']);
		expect(s.search('kodbyen regn')).toEqual([]);
		s.upsert({ id: 'b', text: 'Kødbyen igen', placeLabel: '', participants: '', codes: '' });
		expect(s.search('kødbyen').sort()).toEqual(['a', 'b']);
		s.remove('a');
		expect(s.search('kodbyen')).toEqual(['b']);
	});
});

describe('exports', () => {
	const located = base({ location: snapToCell(55.6649, 12.5516, 8), neighbourhood: 'vesterbro' });
	it('writes one Markdown file per day with a metadata header', () => {
		const files = notesToMarkdownFiles([located, base({ observedAt: Date.UTC(2026, 2, 4, 9) })], {
			title: (d) => `Notes ${d}`,
			observed: 'Observed',
			author: 'Author',
			genre: 'Genre',
			neighbourhood: 'Neighbourhood',
			participants: 'Participants',
			place: 'Place',
			codes: 'Codes',
			location: 'Location',
			sensitive: 'Sensitive',
			yes: 'yes',
			cell: (c, r) => `cell ${c} (res ${r})`
		});
		expect(files.map((f) => f.filename)).toEqual(['notes-2026-03-03.md', 'notes-2026-03-04.md']);
		expect(files[0]!.text).toContain('## 14:05 · Jotting');
		expect(files[0]!.text).toContain('- Participants: VB-014');
		expect(files[0]!.text).toContain(`- Location: cell ${located.location!.cell} (res 8)`);
	});
	it('writes CSV with quoting and no formula injection', () => {
		const csv = notesToCsv([base({ placeLabel: '=HYPERLINK("x")', text: 'a, "b"\nc' })]);
		expect(csv.startsWith('\uFEFFid,observed_at,')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		expect(csv).toContain('"a, ""b""\nc"');
		expect(csv.trim().split('\r\n')).toHaveLength(2);
	});
	it('writes a Danish Excel CSV: semicolons, decimal commas, labels beside the keys', () => {
		const csv = notesToCsv([located], 'excel-da');
		expect(csv.startsWith('\uFEFFid;observed_at;')).toBe(true);
		// Split on semicolons outside quotes, as Excel does.
		const cells = (line: string) =>
			line.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, ''));
		const [head, row] = csv.slice(1).trim().split('\r\n').map(cells);
		const col = (name: string) => row![head!.indexOf(name)];
		expect(col('codes')).toBe('"Use;Police or security"');
		expect(col('genre')).toBe(located.genre);
		expect(col('genre_label')).toBe(located.genreName);
		expect(col('cell_lat')).toBe(String(located.location!.lat).replace('.', ','));
		expect(col('cell_lat')).not.toContain('.');
		expect(head).toHaveLength(row!.length);
	});
	it('writes located notes as cell polygons only', () => {
		const gj = notesToGeoJson([located, base()]);
		expect(gj.features).toHaveLength(1);
		const f = gj.features[0]!;
		expect(f.geometry.type).toBe('Polygon');
		expect(f.properties).not.toHaveProperty('lat');
		expect(JSON.stringify(f.properties)).not.toContain('55.66');
	});
});
