import { bench, describe } from 'vitest';
import { descriptionFromText, PlaceContent } from '../places/place';
import { newId } from '../records/ids';
import { planTables, type ExchangeRecord } from './merge';

/**
 * Planning an import of 5,000 places and 20,000 notes into a workspace that holds as many.
 * The baseline indexes the same records by id (the least any import must do), so the result
 * reads as a ratio that does not depend on the machine.
 */
const PLACES = 5_000;
const NOTES = 20_000;

function meta(rev: Record<string, number>): ExchangeRecord {
	return {
		id: newId(),
		createdAt: 1,
		updatedAt: 2,
		deletedAt: null,
		authorId: 'a',
		deviceId: 'A',
		rev,
		v: 1
	};
}
const place = (i: number) => ({
	...meta({ A: 1 }),
	...PlaceContent.parse({
		name: `Sted ${i}`,
		aliases: [`Alias ${i}`, `Andet ${i}`],
		category: 'hangout',
		location: { type: 'point', lon: 12.55 + i / 1e5, lat: 55.66, radius: 25 },
		description: descriptionFromText(`Beskrivelse af sted ${i}. `.repeat(4))
	})
});
const note = (i: number) => {
	const text = `Feltnote ${i}: ${'observation '.repeat(20)}`;
	return {
		...meta({ A: 2, B: 1 }),
		observedAt: 1_700_000_000_000 + i,
		genre: 'jotting',
		participantIds: [newId()],
		placeIds: [newId()],
		codeIds: [newId(), newId()],
		doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
		text
	};
};

/** Incoming: 40% unchanged, 20% changed there, 10% changed here, 5% conflicts, 5% same change, 20% new. */
function workspaces(n: number, make: (i: number) => ExchangeRecord) {
	const local: ExchangeRecord[] = [];
	const incoming: ExchangeRecord[] = [];
	for (let i = 0; i < n; i++) {
		const r = make(i);
		const slot = i % 20;
		const bump = (d: string) => ({ ...r.rev, [d]: (r.rev[d] ?? 0) + 1 });
		if (slot < 16) local.push(slot < 14 && slot >= 12 ? { ...r, rev: bump('A'), text: 'mine' } : r);
		else local.push(make(i + n)); // only here
		if (slot < 8) incoming.push(structuredClone(r));
		else if (slot < 12) incoming.push({ ...r, rev: bump('B'), updatedAt: 3 });
		else if (slot < 14) incoming.push(r);
		else if (slot === 14) incoming.push({ ...r, rev: bump('B'), text: 'theirs' });
		else if (slot === 15) incoming.push({ ...structuredClone(r), rev: bump('B') });
		else incoming.push(make(i + 2 * n)); // new
	}
	return { local, incoming };
}

const places = workspaces(PLACES, place);
const notes = workspaces(NOTES, note);
const local = { places: places.local, notes: notes.local };
const incoming = { places: places.incoming, notes: notes.incoming };

describe(`plan import of ${PLACES} places + ${NOTES} notes into a workspace holding as many`, () => {
	bench('baseline: index the same records by id', () => {
		for (const table of ['places', 'notes'] as const) {
			const byId = new Map(local[table].map((r) => [r.id, r]));
			for (const r of incoming[table]) byId.set(r.id, r);
		}
	});
	bench('planImport (version vectors, content compare)', () => {
		planTables(local, incoming);
	});
});
