import { bench, describe } from 'vitest';
import { docToText, type DocNode } from '../notes/doc';
import { notesToCsv, type ExportNote } from '../notes/export';
import { NoteContent } from '../notes/note';
import { newId } from '../records/ids';
import type { QdaNote, QdaProjectInput } from './model';
import { buildProject } from './project';
import { packQdpx } from './qdpx';
import { TEST_LABELS } from './test-project';

/**
 * Exporting 20,000 coded notes as a REFI-QDA project (project.qde, one text file a note, zipped),
 * against writing the same notes as the CSV export in the same run.
 */
const NOTES = 20_000;
const ids = (n: number) => Array.from({ length: n }, () => newId());
const codes = ids(24);
const participants = ids(60);
const places = ids(200);
const days = ids(100);
const at = Date.UTC(2026, 0, 1);

function doc(i: number): DocNode {
	const text =
		`Feltnote ${i}: mødte folk ved bænken på Halmtorvet, snak om ventetid og kulde 😶. `.repeat(4);
	const content: DocNode[] = [{ type: 'paragraph', content: [{ type: 'text', text }] }];
	if (i % 4 === 0)
		content.push({
			type: 'blockquote',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'De jagede os væk igen.' }] }]
		});
	return { type: 'doc', content };
}

const notes: QdaNote[] = Array.from({ length: NOTES }, (_, i) => ({
	id: newId(),
	createdAt: at + i * 60_000,
	updatedAt: at + i * 60_000,
	authorId: 'A',
	observedAt: at + i * 60_000,
	genre: 'jotting',
	neighbourhood: 'vesterbro',
	participantIds: [participants[i % 60]!],
	placeIds: [places[i % 200]!],
	placeLabel: 'Halmtorvet',
	codeIds: [codes[i % 24]!, codes[(i * 7) % 24]!],
	followAlongId: i % 10 === 0 ? days[i % 100]! : null,
	sensitive: false,
	doc: doc(i)
}));

const input: QdaProjectInput = {
	name: 'Stedsans',
	origin: 'bench',
	exportedAt: at,
	exportedBy: 'A',
	notes,
	codes: codes.map((id, i) => ({
		id,
		parentId: i >= 8 ? codes[i % 8]! : null,
		label: { en: `Code ${i}`, da: `Kode ${i}` },
		definition: { en: 'A definition.', da: 'En definition.' }
	})),
	participants: participants.map((id, i) => ({
		id,
		code: `VB-${String(i).padStart(3, '0')}`,
		neighbourhood: 'vesterbro',
		consent: { location: 'cell', followAlong: true, aggregate: true },
		withdrawnAt: null
	})),
	users: [{ id: 'A', displayName: 'AK' }],
	places: places.map((id, i) => ({ id, name: `Sted ${i}` })),
	followAlongs: days.map((id, i) => ({ id, startedAt: at + i * 86_400_000, participantId: null })),
	labels: TEST_LABELS
};

const csvRows: ExportNote[] = notes.map((n) => ({
	...NoteContent.parse({ ...n, text: docToText(n.doc) }),
	id: n.id,
	author: 'AK',
	participantCodes: ['VB-001'],
	codeLabels: ['Kode 1', 'Kode 2'],
	neighbourhoodName: 'Vesterbro',
	genreName: 'Jotting'
}));

const runs = { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 };

describe(`export ${NOTES} notes with codes (target ≤ 5 s)`, () => {
	bench('baseline: the same notes as CSV (notesToCsv)', () => void notesToCsv(csvRows), runs);
	bench(
		'REFI-QDA .qdpx (project.qde + Sources, zipped)',
		() => {
			packQdpx(buildProject(input), at);
		},
		runs
	);
});
