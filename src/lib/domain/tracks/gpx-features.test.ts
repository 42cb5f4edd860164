import { describe, expect, it } from 'vitest';
import { utcTime } from './gpx-features';

describe('utcTime', () => {
	it('reads GPX times as UTC, with or without a zone, with fractions', () => {
		// Date.parse would read a time without a zone in the machine's zone.
		const tz = process.env.TZ;
		process.env.TZ = 'America/New_York';
		try {
			const nine = Date.UTC(2026, 2, 3, 9);
			expect(utcTime('2026-03-03T09:00:00Z')).toBe(nine);
			expect(utcTime('2026-03-03T09:00:00')).toBe(nine);
			expect(utcTime('2026-03-03T09:00:00.250Z')).toBe(nine + 250);
			expect(utcTime('2026-03-03T10:00:00+01:00')).toBe(nine);
			expect(utcTime('not a time')).toBeNaN();
		} finally {
			if (tz === undefined) delete process.env.TZ;
			else process.env.TZ = tz;
		}
	});
});
