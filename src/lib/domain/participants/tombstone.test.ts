import { describe, expect, it } from 'vitest';
import { recordsOfPurged, withoutPurged } from './tombstone';

const X = '01J00000000000000000000XXX';
const Y = '01J00000000000000000000YYY';

const records = {
	participants: [{ id: X }, { id: Y }],
	followAlongs: [
		{ id: 'dx', participantId: X },
		{ id: 'dy', participantId: Y }
	],
	stops: [
		{ id: 's1', followAlongId: 'dx' },
		{ id: 's2', followAlongId: 'dy' }
	],
	fixChunks: [
		{ id: 'f1', followAlongId: 'dx' },
		{ id: 'f2', followAlongId: 'dy' },
		{ id: 'f3', followAlongId: 'old-x-day' }
	],
	notes: [
		{ id: 'n1', participantIds: [X, Y], followAlongId: null },
		{ id: 'n2', participantIds: [Y], followAlongId: 'dx' },
		{ id: 'n3', participantIds: [Y], followAlongId: 'dy' }
	],
	interviews: [
		{ id: 'i1', participantId: X },
		{ id: 'i2', participantId: Y }
	],
	namedPlaces: [
		{ id: 'np1', participantId: X, interviewId: 'i1' },
		{ id: 'np2', participantId: Y, interviewId: 'i2' }
	],
	places: [{ id: 'p1' }]
};

describe('tombstones', () => {
	it('find every record of a purged participant: register, days with their parts, notes, interviews, named places', () => {
		const found = recordsOfPurged(records, new Set([X]), new Set(['old-x-day']));
		expect(found).toEqual({
			participants: new Set([X]),
			followAlongs: new Set(['dx']),
			stops: new Set(['s1']),
			fixChunks: new Set(['f1', 'f3']),
			notes: new Set(['n1', 'n2']),
			interviews: new Set(['i1']),
			namedPlaces: new Set(['np1'])
		});
	});

	it('leave everyone else’s records, and other tables, as they are', () => {
		const { records: kept, leftOut } = withoutPurged(records, new Set([X]));
		expect(leftOut).toBe(8);
		expect(kept.participants).toEqual([{ id: Y }]);
		expect(kept.notes!.map((n) => n.id)).toEqual(['n3']);
		expect(kept.places).toEqual(records.places);
		expect(withoutPurged(records, new Set()).leftOut).toBe(0);
	});
});
