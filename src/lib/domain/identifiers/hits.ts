/** What kind of direct identifier a hit is. */
export const IDENTIFIER_KINDS = ['email', 'cpr', 'phone', 'plate', 'address', 'name'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** A direct identifier found in free text: `text === source.slice(start, end)`. */
export interface IdentifierHit {
	kind: IdentifierKind;
	start: number;
	end: number;
	text: string;
}

/**
 * Where two detectors claim overlapping text, the more specific one wins: an e-mail address can
 * contain digits that look like a phone number, and an address can contain a listed name.
 * Lower number = stronger claim; the order of IDENTIFIER_KINDS.
 */
const PRIORITY: Record<IdentifierKind, number> = Object.fromEntries(
	IDENTIFIER_KINDS.map((k, i) => [k, i])
) as Record<IdentifierKind, number>;

export function hit(
	kind: IdentifierKind,
	source: string,
	start: number,
	end: number
): IdentifierHit {
	return { kind, start, end, text: source.slice(start, end) };
}

/** Drops hits that overlap a stronger (or, at equal strength, longer) one; result in text order. */
export function resolveOverlaps(hits: IdentifierHit[]): IdentifierHit[] {
	const ranked = [...hits].sort(
		(a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start)
	);
	const kept: IdentifierHit[] = []; // sorted by start, never overlapping
	for (const h of ranked) {
		let lo = 0;
		let hi = kept.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (kept[mid]!.start < h.start) lo = mid + 1;
			else hi = mid;
		}
		const before = kept[lo - 1];
		const after = kept[lo];
		if (before && before.end > h.start) continue;
		if (after && after.start < h.end) continue;
		kept.splice(lo, 0, h);
	}
	return kept;
}
