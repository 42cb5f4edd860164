import { z } from 'zod';
import { NeighbourhoodKey } from '../neighbourhoods/keys';
import { DocNode, textToDoc } from '../notes/doc';
import { Id, RecordMeta, type Entity } from '../records/record';
import { fold } from '../text/fold';
import {
	CONTROL_CHARS as CONTROL,
	CONTROL_CHARS_EXCEPT_LINES as CONTROL_EXCEPT_LINES
} from '../text/controls';

export const PLACE_NAME_MAX = 200;
export const PLACE_ALIASES_MAX = 50;
export const PLACE_DESCRIPTION_MAX = 20_000;
/** A polygon drawn on a phone has tens of vertices; the cap stops a pasted file from bloating a record. */
export const PLACE_RING_MAX = 2_000;
export const PLACE_RADIUS_MAX = 5_000;

/** A name is text: HTML in it is kept as typed and shown as text, never interpreted. */
export const PlaceName = z
	.string()
	.trim()
	.min(1, 'a name cannot be empty')
	.max(PLACE_NAME_MAX)
	.refine((s) => !CONTROL.test(s), 'control characters are not allowed in a name');

export const PLACE_CATEGORIES = [
	'hangout',
	'buying',
	'using',
	'sleeping',
	'earning-begging',
	'waiting',
	'getting-help',
	'transport',
	'shop',
	'park',
	'avoided',
	'other'
] as const;
export const PlaceCategory = z.enum(PLACE_CATEGORIES);
export type PlaceCategory = z.infer<typeof PlaceCategory>;

export const INSTITUTION_KINDS = [
	'consumption-room',
	'shelter',
	'night-cafe',
	'health-clinic',
	'treatment',
	'job-centre',
	'police',
	'street-team',
	'other'
] as const;
export const InstitutionKind = z.enum(INSTITUTION_KINDS);
export type InstitutionKind = z.infer<typeof InstitutionKind>;

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
export const LonLat = z.tuple([Lon, Lat]);

export const PointLocation = z.object({
	type: z.literal('point'),
	lon: Lon,
	lat: Lat,
	/** Metres around the point that count as "the place" (a bench: 10, a park: 200). */
	radius: z.number().min(0).max(PLACE_RADIUS_MAX)
});
/** A closed GeoJSON ring, [lon, lat] pairs, as drawn on the map. */
export const PolygonLocation = z.object({
	type: z.literal('polygon'),
	ring: z
		.array(LonLat)
		.min(4, 'a ring needs at least 4 positions')
		.max(PLACE_RING_MAX)
		.refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], 'a ring must be closed')
});
export const PlaceLocation = z.discriminatedUnion('type', [PointLocation, PolygonLocation]);
export type PlaceLocation = z.infer<typeof PlaceLocation>;

/** Days, not instants: "closed in spring 2024" is what the team knows. Compared as strings. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const PlaceDescription = z
	.object({
		doc: DocNode,
		/** Plain text of `doc`, for search and exports. */
		text: z
			.string()
			.max(PLACE_DESCRIPTION_MAX)
			.refine((s) => !CONTROL_EXCEPT_LINES.test(s), 'control characters are not allowed')
	})
	// The doc carries the same text plus structure; 10× leaves room for marks and mentions.
	.refine(
		(d) => JSON.stringify(d.doc).length <= PLACE_DESCRIPTION_MAX * 10,
		'the description is too long'
	);
export type PlaceDescription = z.infer<typeof PlaceDescription>;

export const EMPTY_DESCRIPTION: PlaceDescription = {
	doc: { type: 'doc', content: [{ type: 'paragraph' }] },
	text: ''
};

export function descriptionFromText(text: string): PlaceDescription {
	return { doc: textToDoc(text), text };
}

const PLACE_FIELDS_SHAPE = {
	/** The participants' own name for the place ("the stairs", "Mekka"). */
	name: PlaceName,
	/** Other spellings and other people's names for it. */
	aliases: z.array(PlaceName).max(PLACE_ALIASES_MAX).default([]),
	/** Official name or street address, if there is one. */
	officialName: PlaceName.nullable().default(null),
	category: PlaceCategory.default('other'),
	/** Institutions are left out of the everyday-life maps, with a buffer around them. */
	institution: z.boolean().default(false),
	institutionKind: InstitutionKind.nullable().default(null),
	neighbourhood: NeighbourhoodKey.nullable().default(null),
	location: PlaceLocation.nullable().default(null),
	description: PlaceDescription.default(EMPTY_DESCRIPTION),
	validFrom: IsoDate.nullable().default(null),
	validTo: IsoDate.nullable().default(null),
	/** Set for guessed positions (the starter set) until someone has put the place on the right spot. */
	positionToVerify: z.boolean().default(false),
	/** After a merge the duplicate points at the place it became part of; links follow it. */
	mergedInto: Id.nullable().default(null)
};

type Shape = typeof PLACE_FIELDS_SHAPE;

/** Rules across fields. Kept separate because a repository builds its schema from `.shape`. */
export function checkPlace(p: {
	institution: boolean;
	institutionKind: InstitutionKind | null;
	validFrom: string | null;
	validTo: string | null;
}): { path: string; message: string }[] {
	const problems: { path: string; message: string }[] = [];
	if (p.institution && p.institutionKind === null)
		problems.push({ path: 'institutionKind', message: 'an institution needs a kind' });
	if (!p.institution && p.institutionKind !== null)
		problems.push({ path: 'institutionKind', message: 'only an institution has a kind' });
	if (p.validFrom !== null && p.validTo !== null && p.validFrom > p.validTo)
		problems.push({ path: 'validTo', message: 'the period ends before it starts' });
	return problems;
}

function withChecks<S extends z.ZodObject>(schema: S): S {
	return schema.superRefine((value, ctx) => {
		for (const p of checkPlace(value as Parameters<typeof checkPlace>[0]))
			ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
	}) as S;
}

/** A place's content: what the user edits and what history and merges work on. */
export const PlaceContent = withChecks(z.object(PLACE_FIELDS_SHAPE));
export type PlaceContent = z.infer<typeof PlaceContent>;
export type PlaceInput = z.input<typeof PlaceContent>;
export type PlaceField = keyof Shape;
export const PLACE_FIELDS = Object.keys(PLACE_FIELDS_SHAPE) as PlaceField[];

/** A stored place, metadata included, with the cross-field rules. */
export const Place = withChecks(RecordMeta.extend(PLACE_FIELDS_SHAPE));
export type Place = Entity<PlaceContent>;

/** The content of a stored place, without its metadata. */
export function placeContent(place: PlaceContent): PlaceContent {
	const out = {} as Record<PlaceField, unknown>;
	for (const field of PLACE_FIELDS) out[field] = place[field];
	return out as PlaceContent;
}

/** Shown in lists and on the map: not deleted and not merged into another place. */
export function isLive(place: Pick<Place, 'deletedAt' | 'mergedInto'>): boolean {
	return place.deletedAt === null && place.mergedInto === null;
}

/** Whether the place existed (in the team's understanding) on a given day. */
export function isValidOn(
	place: Pick<PlaceContent, 'validFrom' | 'validTo'>,
	day: string
): boolean {
	return (
		(place.validFrom === null || place.validFrom <= day) &&
		(place.validTo === null || day <= place.validTo)
	);
}

/**
 * Aliases without repeats, blanks or the name itself; compared folded so "Kødbyen" and
 * "kodbyen" count once. The first spelling seen is kept.
 */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
	const seen = new Set([foldKey(name)]);
	const out: string[] = [];
	for (const raw of aliases) {
		const alias = raw.trim();
		const key = foldKey(alias);
		if (!key || seen.has(key)) continue;
		seen.add(key);
		out.push(alias);
	}
	return out.slice(0, PLACE_ALIASES_MAX);
}

/** The form two names are compared in: folded, punctuation and runs of spaces ignored. */
export function foldKey(text: string): string {
	return fold(text)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
