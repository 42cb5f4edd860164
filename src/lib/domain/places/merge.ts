import {
	cleanAliases,
	PLACE_DESCRIPTION_MAX,
	PlaceContent,
	placeContent,
	type Place,
	type PlaceDescription,
	type PlaceField
} from './place';

/** Fields the user may settle by hand; the name is always the kept place's, aliases are always combined. */
export type ChoosableField = Exclude<PlaceField, 'name' | 'aliases' | 'mergedInto'>;
export type Side = 'kept' | 'other';

export type MergeReason =
	| 'kept-name'
	| 'aliases-combined'
	| 'chosen'
	| 'kept-has-value'
	| 'only-other-has-value'
	| 'more-specific'
	| 'verified-position'
	| 'institution-if-either'
	| 'joined'
	| 'too-long-to-join'
	| 'widest-period';

/** What the merge did with one field, listed so the user can check it and change it. */
export interface MergeChoice {
	field: PlaceField;
	source: Side | 'both';
	reason: MergeReason;
}

export interface PlaceMergeResult {
	/** New content for the place that stays. */
	kept: PlaceContent;
	/** New content for the duplicate: unchanged but for `mergedInto`, so its history stays readable. */
	merged: PlaceContent;
	choices: MergeChoice[];
	/** Old id → new id, for rewriting notes' and stops' links. */
	idMap: Record<string, string>;
}

const hasText = (d: PlaceDescription) => d.text.trim().length > 0;

/**
 * Merges a duplicate (`other`) into `kept`. Nothing is dropped silently: the other's names become
 * aliases, a differing official name too, and every decision is returned in `choices`.
 * `prefer` overrides a decision with one side's value.
 */
export function mergePlaces(
	kept: Place,
	other: Place,
	prefer: Partial<Record<ChoosableField, Side>> = {}
): PlaceMergeResult {
	if (kept.id === other.id) throw new Error('a place cannot be merged with itself');
	for (const p of [kept, other])
		if (p.deletedAt !== null || p.mergedInto !== null)
			throw new Error(`place ${p.id} is deleted or already merged`);

	const a = placeContent(kept);
	const b = placeContent(other);
	const out: PlaceContent = { ...a };
	const choices: MergeChoice[] = [{ field: 'name', source: 'kept', reason: 'kept-name' }];
	const pick = (field: ChoosableField, side: Side, reason: MergeReason) => {
		const chosen = prefer[field] ?? side;
		(out as Record<string, unknown>)[field] = (chosen === 'kept' ? a : b)[field];
		choices.push({ field, source: chosen, reason: prefer[field] ? 'chosen' : reason });
		return chosen;
	};

	// An official name the kept place does not use is one more name for it.
	const officialSide = pick(
		'officialName',
		a.officialName !== null || b.officialName === null ? 'kept' : 'other',
		a.officialName !== null ? 'kept-has-value' : 'only-other-has-value'
	);
	const otherOfficial = (officialSide === 'kept' ? b : a).officialName;
	out.aliases = cleanAliases(a.name, [
		...a.aliases,
		b.name,
		...b.aliases,
		...(otherOfficial && otherOfficial !== out.officialName ? [otherOfficial] : [])
	]);
	choices.push({ field: 'aliases', source: 'both', reason: 'aliases-combined' });

	const otherMoreSpecific = a.category === 'other' && b.category !== 'other';
	pick(
		'category',
		otherMoreSpecific ? 'other' : 'kept',
		otherMoreSpecific ? 'more-specific' : 'kept-has-value'
	);

	// Flagging too much as an institution only hides a little more from the published maps;
	// flagging too little could expose who uses a service. So either side's "institution" wins.
	const instSide: Side = a.institution || !b.institution ? 'kept' : 'other';
	const inst = pick('institution', instSide, 'institution-if-either');
	pick('institutionKind', inst, 'institution-if-either');
	out.institutionKind = out.institution ? (out.institutionKind ?? 'other') : null;

	pick(
		'neighbourhood',
		a.neighbourhood !== null || b.neighbourhood === null ? 'kept' : 'other',
		a.neighbourhood !== null ? 'kept-has-value' : 'only-other-has-value'
	);

	// A position someone has checked beats a guessed one; the flag travels with the position.
	const takeOtherPosition =
		b.location !== null && (a.location === null || (a.positionToVerify && !b.positionToVerify));
	const posSide = pick(
		'location',
		takeOtherPosition ? 'other' : 'kept',
		takeOtherPosition
			? a.location === null
				? 'only-other-has-value'
				: 'verified-position'
			: 'kept-has-value'
	);
	pick('positionToVerify', posSide, 'verified-position');

	mergeDescription(a, b, out, choices, prefer.description);
	mergePeriod(a, b, out, choices, prefer);

	return {
		kept: PlaceContent.parse(out),
		merged: { ...b, mergedInto: kept.id },
		choices,
		idMap: { [other.id]: kept.id }
	};
}

function mergeDescription(
	a: PlaceContent,
	b: PlaceContent,
	out: PlaceContent,
	choices: MergeChoice[],
	prefer: Side | undefined
): void {
	const add = (source: Side | 'both', reason: MergeReason) =>
		choices.push({ field: 'description', source, reason });
	if (prefer) {
		out.description = (prefer === 'kept' ? a : b).description;
		return void add(prefer, 'chosen');
	}
	if (!hasText(b.description) || b.description.text === a.description.text)
		return void add('kept', 'kept-has-value');
	if (!hasText(a.description)) {
		out.description = b.description;
		return void add('other', 'only-other-has-value');
	}
	const text = `${a.description.text}\n\n${b.description.text}`;
	if (text.length > PLACE_DESCRIPTION_MAX) return void add('kept', 'too-long-to-join');
	out.description = {
		doc: {
			type: 'doc',
			content: [...(a.description.doc.content ?? []), ...(b.description.doc.content ?? [])]
		},
		text
	};
	add('both', 'joined');
}

/** The widest period: the place is known to have existed whenever either side says so. */
function mergePeriod(
	a: PlaceContent,
	b: PlaceContent,
	out: PlaceContent,
	choices: MergeChoice[],
	prefer: Partial<Record<ChoosableField, Side>>
): void {
	for (const field of ['validFrom', 'validTo'] as const) {
		const side = prefer[field];
		if (side) {
			out[field] = (side === 'kept' ? a : b)[field];
			choices.push({ field, source: side, reason: 'chosen' });
			continue;
		}
		const x = a[field];
		const y = b[field];
		const widest = field === 'validFrom' ? (x! < y! ? x : y) : x! > y! ? x : y;
		out[field] = x === null || y === null ? null : widest;
		choices.push({ field, source: x === y ? 'kept' : 'both', reason: 'widest-period' });
	}
	if (out.validFrom !== null && out.validTo !== null && out.validFrom > out.validTo)
		out.validTo = null;
}

/**
 * Where each merged place's links should point: follows chains (A merged into B, B into C) to the
 * place that is still live. A cycle, which only broken data can hold, stops at the first repeat.
 */
export function mergeRedirects(
	places: readonly Pick<Place, 'id' | 'mergedInto'>[]
): Map<string, string> {
	const next = new Map(places.map((p) => [p.id, p.mergedInto]));
	const out = new Map<string, string>();
	for (const { id, mergedInto } of places) {
		if (mergedInto === null) continue;
		const seen = new Set([id]);
		let target = mergedInto;
		for (let n = next.get(target); n != null && !seen.has(n); n = next.get(target)) {
			seen.add(target);
			target = n;
		}
		out.set(id, target);
	}
	return out;
}

/** A list of place ids with merged ones replaced by their target, without repeats, order kept. */
export function rewriteLinks(
	ids: readonly string[],
	redirects: ReadonlyMap<string, string>
): string[] {
	return [...new Set(ids.map((id) => redirects.get(id) ?? id))];
}
