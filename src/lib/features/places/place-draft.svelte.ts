import type { z } from 'zod';
import type { DocNode } from '$lib/domain/notes/doc';
import { docToText } from '$lib/domain/notes/doc';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';
import {
	EMPTY_DESCRIPTION,
	PLACE_NAME_MAX,
	PlaceContent,
	type InstitutionKind,
	type PlaceCategory,
	type PlaceField,
	type PlaceInput,
	type PlaceLocation
} from '$lib/domain/places/place';
import { shownDescription } from '$lib/domain/places/starter';
import type { PlaceRecord } from '$lib/db/places.repo';
import { locale } from '$lib/features/app/locale.svelte';

export interface PlaceFields {
	name: string;
	aliases: string[];
	officialName: string;
	category: PlaceCategory;
	institution: boolean;
	institutionKind: InstitutionKind | null;
	neighbourhood: NeighbourhoodKey | null;
	location: PlaceLocation | null;
	descriptionDoc: DocNode;
	validFrom: string;
	validTo: string;
	positionToVerify: boolean;
}

/** Problems by field, in words the form can show next to the field. */
export type FieldProblems = Partial<Record<PlaceField, { code: string; maximum?: number }>>;

/**
 * A place being edited in the form. Nothing is stored until Save: a save writes the place and
 * one revision, so the history holds one entry per save, not one per keystroke.
 */
export class PlaceDraft {
	fields = $state<PlaceFields>() as PlaceFields;
	problems = $state<FieldProblems>({});

	constructor(existing?: PlaceRecord, defaults: Partial<PlaceFields> = {}) {
		this.fields = existing
			? {
					name: existing.name,
					aliases: [...existing.aliases],
					officialName: existing.officialName ?? '',
					category: existing.category,
					institution: existing.institution,
					institutionKind: existing.institutionKind,
					neighbourhood: existing.neighbourhood,
					location: existing.location,
					// An unedited starter place is stored in both languages; it is edited in the user's.
					descriptionDoc: shownDescription(existing, locale.current).doc,
					validFrom: existing.validFrom ?? '',
					validTo: existing.validTo ?? '',
					positionToVerify: existing.positionToVerify
				}
			: {
					name: '',
					aliases: [],
					officialName: '',
					category: 'other',
					institution: false,
					institutionKind: null,
					neighbourhood: null,
					location: null,
					descriptionDoc: EMPTY_DESCRIPTION.doc,
					validFrom: '',
					validTo: '',
					positionToVerify: false,
					...defaults
				};
	}

	setInstitution(on: boolean): void {
		this.fields.institution = on;
		// An institution needs a kind; a place that is not one has none.
		this.fields.institutionKind = on ? (this.fields.institutionKind ?? 'other') : null;
	}

	/** What Save stores. A moved position is no longer a guess. */
	input(original?: PlaceRecord): PlaceInput {
		const f = $state.snapshot(this.fields) as PlaceFields;
		const moved = JSON.stringify(f.location) !== JSON.stringify(original?.location ?? null);
		return {
			name: f.name,
			aliases: f.aliases,
			officialName: f.officialName.trim() || null,
			category: f.category,
			institution: f.institution,
			institutionKind: f.institution ? f.institutionKind : null,
			neighbourhood: f.neighbourhood,
			location: f.location,
			description: { doc: f.descriptionDoc, text: docToText(f.descriptionDoc) },
			validFrom: f.validFrom || null,
			validTo: f.validTo || null,
			positionToVerify: f.positionToVerify && !moved
		};
	}

	/** Checks the input as the repository will; true when it can be saved. */
	check(original?: PlaceRecord): boolean {
		const r = PlaceContent.safeParse(this.input(original));
		this.problems = r.success ? {} : problemsOf(r.error);
		return r.success;
	}
}

function problemsOf(error: z.ZodError): FieldProblems {
	const out: FieldProblems = {};
	for (const issue of error.issues) {
		const field = issue.path[0] as PlaceField;
		if (out[field]) continue;
		const tooLong = issue.code === 'too_big';
		out[field] = {
			code: tooLong ? 'too-long' : issue.code === 'too_small' ? 'empty' : issue.message,
			maximum: tooLong
				? Number((issue as { maximum?: unknown }).maximum ?? PLACE_NAME_MAX)
				: undefined
		};
	}
	return out;
}
