import { describe, expect, it } from 'vitest';
import type { Fix } from './fix';
import { trackFromFixes } from './track';
import { placeWaypoints } from './waypoints';

const MIN = 60_000;
const fix = (m: number, lat: number): Fix => ({ t: m * MIN, lat, lon: 12.56, acc: 5, src: 'gps' });
// North along a street, a fix a minute, 0.001° (about 110 m) a minute.
const track = trackFromFixes(Array.from({ length: 30 }, (_, m) => fix(m, 55.67 + m * 0.001)));
const stop = { arrivedAt: 5 * MIN, departedAt: 10 * MIN, lat: 55.675, lon: 12.56 };

describe('waypoints on a day', () => {
	it('name the stop they fall in, become stops of their own elsewhere, and are left out off the day', () => {
		const plan = placeWaypoints(
			track,
			[
				{ lat: 55.675, lon: 12.56, t: 6 * MIN, name: 'Bænken' },
				{ lat: 55.69, lon: 12.56, t: null, name: 'Kiosken' },
				{ lat: 46.05, lon: 14.5, t: null, name: 'Langt væk' },
				{ lat: 55.675, lon: 12.56, t: 90 * MIN, name: 'Senere' }
			],
			[stop]
		);
		expect(plan.names).toEqual([{ stop: 0, name: 'Bænken' }]);
		expect(plan.stops).toEqual([{ lat: 55.69, lon: 12.56, at: 20 * MIN, name: 'Kiosken' }]);
		expect(plan.leftOut).toBe(2);
	});
});
