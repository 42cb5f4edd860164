import { describe, expect, it } from 'vitest';
import type { Fix } from '$lib/domain/tracks/fix';
import { trackFromFixes } from '$lib/domain/tracks/track';
import { PIECE, piecesBegun, routePieces } from './route-progress';

const fix = (t: number, o: Partial<Fix> = {}): Fix => ({
	t,
	lat: 55.67 + t * 1e-5,
	lon: 12.56,
	acc: 5,
	src: 'gps',
	...o
});

describe('the replay route in pieces', () => {
	it('cuts long stretches into pieces that join, breaks at gaps and at sketches, and knows when each starts', () => {
		const fixes = [
			...Array.from({ length: 250 }, (_, i) => fix(i)),
			fix(300, { gapBefore: true }),
			fix(301),
			fix(302, { src: 'reconstructed', acc: 0 }),
			fix(303, { src: 'reconstructed', acc: 0 })
		];
		const { data, starts } = routePieces(trackFromFixes(fixes));
		const lengths = data.features.map(
			(f) => (f.geometry as { coordinates: unknown[] }).coordinates.length
		);
		expect(lengths).toEqual([PIECE, PIECE, 52, 2, 3]);
		expect(Array.from(starts)).toEqual([0, 99, 198, 300, 301]);
		expect(data.features.map((f) => f.properties?.reconstructed)).toEqual([
			false,
			false,
			false,
			false,
			true
		]);
		expect([piecesBegun(starts, -1), piecesBegun(starts, 99), piecesBegun(starts, 1000)]).toEqual([
			0, 2, 5
		]);
	});
});
