import { demoGlossary, demoStopPlace } from '$lib/domain/demo/glossary';
import { docToText, type DocNode } from '$lib/domain/notes/doc';
import { creationRevision } from '$lib/domain/places/created';
import { revisionFor } from '$lib/domain/places/history';
import { placeContent } from '$lib/domain/places/place';
import { STARTER_PLACES } from '$lib/domain/places/starter';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';
import { newId } from '$lib/domain/records/ids';
import { change, type Change } from '$lib/db/commit';
import type { Stop } from '$lib/db/follow-alongs.repo';
import type { Note } from '$lib/db/notes.repo';
import { placeRevisionsRepo, placesRepo, type PlaceRecord } from '$lib/db/places.repo';
import { placeFromInput } from '$lib/features/places/places.service';

const DAY = 86_400_000;
const starter = (n: number) => STARTER_PLACES[n - 1]!.id;

/** Institutions a demo note's text speaks of, by neighbourhood (ids of the starter set). */
const INSTITUTION_WORDS: [string, Partial<Record<NeighbourhoodKey, string>>][] = [
	['stofindtagelsesrummet', { vesterbro: starter(1) }],
	['herberget', { vesterbro: starter(2), sundholm: starter(5) }],
	['jobcentret', { vesterbro: starter(12), nordvest: starter(13), sundholm: starter(14) }],
	['behandlingsstedet', { vesterbro: starter(9), nordvest: starter(10), sundholm: starter(11) }]
];

function withPlaceMention(doc: DocNode, id: string, label: string): DocNode {
	const mention = { type: 'mention', attrs: { id, label, mentionSuggestionChar: '#' } };
	return {
		...doc,
		content: [
			...(doc.content ?? []),
			{ type: 'paragraph', content: [{ type: 'text', text: 'Sted: ' }, mention] }
		]
	};
}

/**
 * The demo glossary, its history, and the demo notes linked to it: a note whose label is a demo
 * place links to that place (every other one also mentions it with `#`, by an alias where it has
 * one), and a note that speaks of an institution links to it. Returns what to commit.
 */
export function prepareDemoGlossary(
	notes: readonly Note[],
	authorIds: readonly string[],
	since: number
): { places: PlaceRecord[]; notes: Note[]; changes: Change[] } {
	const places: PlaceRecord[] = [];
	const revisions: object[] = [];
	for (const [i, p] of demoGlossary(authorIds.length).entries()) {
		const at = since + i * 3_600_000;
		const content = placeFromInput(p.content);
		const place = {
			...placesRepo.prepare(content, at, p.id ?? newId()),
			authorId: authorIds[p.author]!
		};
		const first = p.before ? placeFromInput(p.before) : content;
		revisions.push({
			...placeRevisionsRepo.prepare(creationRevision(place.id, first, place.authorId, at), at),
			authorId: place.authorId
		});
		if (p.before) {
			const editor = authorIds[(p.author + 1) % authorIds.length]!;
			const later = at + 20 * DAY;
			const edit = revisionFor(place.id, first, placeContent(place), editor, later)!;
			revisions.push({ ...placeRevisionsRepo.prepare(edit, later), authorId: editor });
			places.push({ ...place, updatedAt: later, authorId: editor });
		} else places.push(place);
	}

	const byName = new Map(places.map((p) => [p.name, p]));
	const linked = notes.map((note, i) => {
		const place = byName.get(note.placeLabel);
		const ids = new Set(note.placeIds);
		let doc = note.doc;
		if (place) {
			ids.add(place.id);
			if (i % 2 === 0) doc = withPlaceMention(doc, place.id, place.aliases[i % 3] ?? place.name);
		}
		for (const [word, where] of INSTITUTION_WORDS) {
			const id = note.neighbourhood ? where[note.neighbourhood] : undefined;
			if (id && note.text.includes(word)) ids.add(id);
		}
		return doc === note.doc && ids.size === note.placeIds.length
			? note
			: { ...note, doc, text: docToText(doc), placeIds: [...ids] };
	});
	return {
		places,
		notes: linked,
		changes: [change(placesRepo, places), change(placeRevisionsRepo, revisions)]
	};
}

/**
 * Links demo follow-along stops to the glossary place they are at (for the follow-along demo
 * data: call it on the generated stops before they are committed). Stops already linked stay.
 */
export function linkDemoStops(stops: readonly Stop[], places: readonly PlaceRecord[]): Stop[] {
	return stops.map((s) => (s.placeId ? s : { ...s, placeId: demoStopPlace(s, places) ?? null }));
}
