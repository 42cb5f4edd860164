import { labelGroups, type LabelGroup } from '$lib/domain/places/labels';
import { cleanAliases, foldKey, placeContent, type PlaceCategory } from '$lib/domain/places/place';
import { change, commit, type Change } from '$lib/db/commit';
import { notesRepo } from '$lib/db/notes.repo';
import { placesRepo, type PlaceRecord } from '$lib/db/places.repo';
import { preparePlace, prepareEdit } from './places.service';

/** The notes' free-text place labels that are not glossary links yet, largest group first. */
export async function unconvertedLabels(): Promise<LabelGroup[]> {
	const [notes, places] = await Promise.all([notesRepo.list(), placesRepo.list()]);
	return labelGroups(notes, places);
}

/** What to do with one label: make a new place of it, or link it to a place the glossary has. */
export type LabelTarget =
	{ kind: 'new'; category?: PlaceCategory } | { kind: 'existing'; placeId: string };

export interface LabelConversion {
	group: Pick<LabelGroup, 'label' | 'noteIds' | 'neighbourhood'>;
	target: LabelTarget;
}

/**
 * Turns labels into glossary links, all in one transaction. A new place takes the label as its
 * name; an existing place gets the label as an alias when it is not already one of its names
 * (it is how participants call the place). Every note of the group then links to the place; its
 * label stays as written. Returns the number of notes linked and places created.
 */
export async function convertLabels(
	conversions: readonly LabelConversion[]
): Promise<{ notes: number; created: number }> {
	const now = Date.now();
	const changes: Change[] = [];
	const edited = new Map<string, PlaceRecord>();
	const linkTo = new Map<string, string[]>();
	let created = 0;
	for (const { group, target } of conversions) {
		let placeId: string;
		if (target.kind === 'new') {
			const made = preparePlace(
				{
					name: group.label,
					category: target.category ?? 'other',
					neighbourhood: group.neighbourhood
				},
				now
			);
			changes.push(...made.changes);
			placeId = made.place.id;
			created++;
		} else {
			const place = edited.get(target.placeId) ?? (await placesRepo.require(target.placeId));
			placeId = place.id;
			const names = new Set([place.name, ...place.aliases].map(foldKey));
			if (!names.has(foldKey(group.label))) {
				const aliases = cleanAliases(place.name, [...place.aliases, group.label]);
				edited.set(place.id, { ...place, aliases });
			}
		}
		for (const noteId of group.noteIds)
			linkTo.set(noteId, [...(linkTo.get(noteId) ?? []), placeId]);
	}
	// One revision per edited place, however many labels it took in.
	for (const place of edited.values()) {
		const original = await placesRepo.require(place.id);
		const edit = prepareEdit(original, placeContent(place), now);
		if (edit) changes.push(...edit.changes);
	}
	const notes = (await notesRepo.getMany([...linkTo.keys()]))
		.filter((n) => n !== undefined)
		.map((note) =>
			notesRepo.touch(
				note,
				{ placeIds: [...new Set([...note.placeIds, ...linkTo.get(note.id)!])] },
				now
			)
		);
	changes.push(change(notesRepo, notes));
	await commit(changes);
	return { notes: notes.length, created };
}
