import type { DocNode } from '../notes/doc';
import { newId } from '../records/ids';
import type { QdaLabels, QdaNote, QdaProjectInput } from './model';

/** A small workspace for the REFI-QDA tests: hard text, nested codes, cases, places, a day. */

const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const text = (t: string): DocNode => ({ type: 'text', text: t });
const quote = (...lines: string[]): DocNode => ({
	type: 'blockquote',
	content: lines.map((l) => para(text(l)))
});
const mention = (id: string, label: string): DocNode => ({
	type: 'mention',
	attrs: { id, label }
});

export const TEST_LABELS: QdaLabels = {
	lang: 'en',
	genre: (g) =>
		({
			jotting: 'Jotting',
			description: 'Description',
			quote: 'Verbatim quote',
			memo: 'Memo',
			reflexive: 'Reflexive note'
		})[g],
	neighbourhood: (k) => ({ vesterbro: 'Vesterbro', nordvest: 'Nordvest', sundholm: 'Sundholm' })[k],
	locationConsent: (l) => ({ none: 'none', neighbourhood: 'neighbourhood', cell: 'grid cell' })[l],
	variables: {
		neighbourhood: { name: 'Neighbourhood', description: 'Where the participant mostly lives.' },
		locationConsent: {
			name: 'Location consent',
			description: 'How precisely notes may be located.'
		},
		followAlongConsent: {
			name: 'Follow-along consent',
			description: 'Follow-alongs may be recorded.'
		},
		aggregateConsent: { name: 'Aggregate consent', description: 'May enter aggregate maps.' },
		withdrawn: { name: 'Withdrawn', description: 'Has withdrawn from the study.' }
	},
	quote: 'Verbatim quote',
	placeSet: (name) => `Place: ${name}`,
	placeSetDescription: 'Notes linked to this place in the glossary.',
	followSet: (day, code) => `Follow-along ${day}${code ? ` · ${code}` : ''}`,
	followSetDescription: 'Notes written during this follow-along day.',
	observed: 'Observed',
	neighbourhoodField: 'Neighbourhood',
	place: 'Place',
	participants: 'Participants',
	sensitive: 'Sensitive',
	yes: 'yes',
	projectDescription: (n) => `${n} field notes exported from Stedsans.`
};

/** The quoted words of the test notes, in note order, each quote in its order in the note. */
export const TEST_QUOTES = [
	['Vi blev jaget væk igen 😤 — “igen”!', 'Og så gik vi til Ørestad.'],
	['Café i Sundholm: e\u0301n kop kaffe 👩🏽‍⚕️'],
	['Fisk & <chips> "tak" ]]> slut']
];

export function testProject(over: Partial<QdaProjectInput> = {}): QdaProjectInput {
	const ids = Array.from({ length: 12 }, () => newId());
	const [ak, lm, vb14, nv3, stress, police, waiting, resources, halmtorvet, day] = ids as [
		string,
		string,
		string,
		string,
		string,
		string,
		string,
		string,
		string,
		string
	];
	const at = Date.UTC(2026, 2, 3, 13, 5);
	const note = (i: number, n: Partial<QdaNote> & Pick<QdaNote, 'doc'>): QdaNote => ({
		id: newId(),
		createdAt: at + i * 60_000,
		updatedAt: at + i * 60_000 + 5_000,
		authorId: ak,
		observedAt: at + i * 60_000,
		genre: 'jotting',
		neighbourhood: 'vesterbro',
		participantIds: [],
		placeIds: [],
		placeLabel: '',
		codeIds: [],
		followAlongId: null,
		sensitive: false,
		...n
	});
	const notes: QdaNote[] = [
		note(0, {
			doc: {
				type: 'doc',
				content: [
					para(text('Mødte '), mention(vb14, 'VB-014'), text(' på bænken ved Halmtorvet 😀.')),
					quote(...TEST_QUOTES[0]!),
					{ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('regn'))] }] }
				]
			},
			participantIds: [vb14],
			placeIds: [halmtorvet],
			placeLabel: 'Halmtorvet',
			codeIds: [stress, police],
			followAlongId: day
		}),
		note(1, {
			genre: 'quote',
			neighbourhood: 'sundholm',
			authorId: lm,
			doc: {
				type: 'doc',
				content: [
					para(text('Før: 👩🏽‍⚕️ og e\u0301 og Å.\r\nBOM\uFEFF væk, klokke\u0007 væk.')),
					quote(...TEST_QUOTES[1]!)
				]
			},
			participantIds: [vb14, nv3],
			codeIds: [resources],
			sensitive: true
		}),
		// Same minute and genre as the first: the name gets " (2)".
		note(0, {
			doc: { type: 'doc', content: [para(text('Kort notat.')), quote(...TEST_QUOTES[2]!)] },
			codeIds: [waiting, stress],
			followAlongId: day
		}),
		note(3, { doc: { type: 'doc', content: [para(text('Uden koder.'))] } })
	];
	return {
		name: 'Stedsans & co <test>',
		origin: 'Stedsans test',
		exportedAt: Date.UTC(2026, 2, 10, 9),
		exportedBy: ak,
		notes,
		codes: [
			{
				id: stress,
				parentId: null,
				label: { en: 'Stress factors', da: 'Stressfaktorer' },
				definition: { en: 'What makes life harder.', da: 'Det, der gør livet sværere.' }
			},
			{
				id: police,
				parentId: stress,
				label: { en: 'Police & security', da: 'Politi og vagter' },
				definition: { en: '', da: 'Når politi eller vagter griber ind.' }
			},
			{
				id: waiting,
				parentId: stress,
				label: { en: 'Waiting', da: '' },
				definition: { en: 'Waiting for help.', da: '' }
			},
			{
				id: resources,
				parentId: null,
				label: { en: 'Resources', da: 'Ressourcer' },
				definition: { en: 'What helps.', da: 'Det, der hjælper.' }
			}
		],
		participants: [
			{
				id: vb14,
				code: 'VB-014',
				neighbourhood: 'vesterbro',
				consent: { location: 'cell', followAlong: true, aggregate: true },
				withdrawnAt: null
			},
			{
				id: nv3,
				code: 'NV-003',
				neighbourhood: null,
				consent: { location: 'none', followAlong: false, aggregate: false },
				withdrawnAt: at
			}
		],
		users: [
			{ id: ak, displayName: 'AK' },
			{ id: lm, displayName: 'Lærke "LM" Møller' }
		],
		places: [{ id: halmtorvet, name: 'Halmtorvet' }],
		followAlongs: [{ id: day, startedAt: at - 3_600_000, participantId: vb14 }],
		labels: TEST_LABELS,
		...over
	};
}
