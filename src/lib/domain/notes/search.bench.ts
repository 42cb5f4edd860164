import { bench, describe } from 'vitest';
import { demoNote, generateDemo } from '../demo/generate';
import { Random } from '../demo/random';
import { fold } from '../text/fold';
import { NoteSearch, type SearchDoc } from './search';

// 20,000 notes from the demo generator (the same one the demo workspace uses).
const demo = generateDemo({ notes: 0 });
const rnd = new Random(7);
const docs: SearchDoc[] = Array.from({ length: 20_000 }, (_, i) => {
	const n = demoNote(rnd, demo.participants, 3);
	return {
		id: String(i),
		text: [...n.paragraphs, n.quote ?? ''].join('\n'),
		placeLabel: n.placeLabel,
		participants: n.participantCodes.join(' '),
		codes: n.codeKeys.join(' ')
	};
});
const QUERIES = [
	'kodbyen',
	'politi',
	'vb-01',
	'herberget fuldt',
	'halmtorvet',
	'kontanthjælp',
	'sår',
	'regn'
];

const index = new NoteSearch();
index.addAll(docs);
let q = 0;

describe('build the search index over 20,000 notes (target ≤ 2 s)', () => {
	bench('baseline: fold every note once (what a filter pass must do)', () => {
		for (const d of docs) fold(`${d.text} ${d.placeLabel} ${d.participants} ${d.codes}`);
	});
	bench('MiniSearch index', () => {
		new NoteSearch().addAll(docs);
	});
});

describe('one query over 20,000 notes (target p95 ≤ 50 ms)', () => {
	bench('baseline: Array.filter with folded includes', () => {
		const term = fold(QUERIES[q++ % QUERIES.length]!);
		docs.filter((d) =>
			fold(`${d.text} ${d.placeLabel} ${d.participants} ${d.codes}`).includes(term)
		);
	});
	bench('MiniSearch query', () => {
		index.search(QUERIES[q++ % QUERIES.length]!);
	});
});
