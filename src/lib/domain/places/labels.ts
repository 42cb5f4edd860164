import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import { foldKey, isLive, type Place } from './place';

export interface LabelledNote {
	id: string;
	placeLabel: string;
	placeIds: readonly string[];
	neighbourhood: NeighbourhoodKey | null;
}

type GlossaryPlace = Pick<Place, 'id' | 'name' | 'aliases' | 'deletedAt' | 'mergedInto'>;

export interface LabelGroup {
	/** The folded label: "Trappen" and "trappen " are one group. */
	key: string;
	/** The spelling most notes use. */
	label: string;
	noteIds: string[];
	/** The neighbourhood most of the notes are in, for a place made from the label. */
	neighbourhood: NeighbourhoodKey | null;
	/** A live place whose name or alias is the label, if any: the likely target. */
	match: string | null;
}

/** The value counted most; on a tie, the first by `tie` (else the first counted). */
function mostCommon<T>(counts: Map<T, number>, tie?: (a: T, b: T) => number): T | undefined {
	let best: T | undefined;
	let n = 0;
	for (const [value, c] of counts)
		if (c > n || (c === n && tie && tie(value, best as T) < 0)) {
			best = value;
			n = c;
		}
	return best;
}

/**
 * The free-text place labels of notes that are not yet glossary links, grouped by folded form.
 * A note counts as converted when it links to a place whose name or an alias is its label.
 * Largest groups first, so converting the top of the list covers the most notes.
 */
export function labelGroups(
	notes: readonly LabelledNote[],
	places: readonly GlossaryPlace[]
): LabelGroup[] {
	const namesOf = new Map<string, Set<string>>();
	const byName = new Map<string, string>();
	for (const p of places) {
		const keys = new Set([p.name, ...p.aliases].map(foldKey).filter(Boolean));
		namesOf.set(p.id, keys);
		if (isLive(p)) for (const k of keys) if (!byName.has(k)) byName.set(k, p.id);
	}
	type Group = {
		ids: string[];
		spellings: Map<string, number>;
		nbs: Map<NeighbourhoodKey | null, number>;
	};
	const groups = new Map<string, Group>();
	for (const n of notes) {
		const key = foldKey(n.placeLabel);
		if (!key) continue;
		if (n.placeIds.some((id) => namesOf.get(id)?.has(key))) continue;
		const g: Group = groups.get(key) ?? { ids: [], spellings: new Map(), nbs: new Map() };
		g.ids.push(n.id);
		const label = n.placeLabel.trim();
		g.spellings.set(label, (g.spellings.get(label) ?? 0) + 1);
		g.nbs.set(n.neighbourhood, (g.nbs.get(n.neighbourhood) ?? 0) + 1);
		groups.set(key, g);
	}
	return [...groups.entries()]
		.map(([key, g]) => ({
			key,
			// Notes come in no set order (ids are random): a tie goes to the Danish sort's first
			// (capitals first), so the label does not change from one reading to the next.
			label: mostCommon(g.spellings, (a, b) => a.localeCompare(b, 'da'))!,
			noteIds: g.ids,
			neighbourhood: mostCommon(g.nbs) ?? null,
			match: byName.get(key) ?? null
		}))
		.sort((a, b) => b.noteIds.length - a.noteIds.length || a.label.localeCompare(b.label, 'da'));
}
