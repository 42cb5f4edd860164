import { describe, expect, it } from 'vitest';
import { destination } from './geo';
import { fastStretches } from './speed';

const T0 = Date.UTC(2026, 2, 3, 9, 0);
const MIN = 60_000;
const start = { lat: 55.6703, lon: 12.5598 };

describe('implausible speed in a sketch', () => {
	const fiveKm = destination(start.lat, start.lon, 90, 5000);
	const points = [
		{ ...start, t: T0 },
		{ ...destination(start.lat, start.lon, 90, 2500), t: null },
		{ ...fiveKm, t: T0 + 10 * MIN },
		{ ...destination(fiveKm.lat, fiveKm.lon, 0, 1000), t: T0 + 22 * MIN }
	];

	it('flags a 5 km stretch drawn in 10 minutes (30 km/h) on foot, not 1 km in 12 minutes', () => {
		const fast = fastStretches(points, ['walking']);
		expect(fast.map((f) => [f.from, f.to, Math.round(f.kmh)])).toEqual([[0, 2, 30]]);
	});

	it('leaves days with a vehicle alone, and flags a distance covered in no time', () => {
		expect(fastStretches(points, ['walking', 'bus'])).toEqual([]);
		const instant = [
			{ ...start, t: T0 },
			{ ...fiveKm, t: T0 }
		];
		expect(fastStretches(instant, ['walking'])[0]?.kmh).toBe(Infinity);
	});
});
