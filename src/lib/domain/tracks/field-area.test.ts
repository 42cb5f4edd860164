import { describe, expect, it } from 'vitest';
import { APPROXIMATE_OUTLINES } from '../neighbourhoods/outlines';
import type { Fix } from './fix';
import { checkFieldArea, leavesFieldArea, trimToFieldArea } from './field-area';
import { gapBefore, trackFromFixes } from './track';

const at = (t: number, lat: number, lon: number): Fix => ({ t, lat, lon, acc: 5, src: 'gps' });
// Halmtorvet (Vesterbro), Bispebjerg station (Nordvest), Ljubljana.
const VB = [55.6703, 12.5598] as const;
const NV = [55.7064, 12.5386] as const;
const LJ = [46.05, 14.5] as const;

describe('the field area', () => {
	const track = trackFromFixes([
		at(0, ...VB),
		at(1, ...VB),
		at(2, ...LJ),
		at(3, ...LJ),
		at(4, ...VB),
		at(5, ...NV)
	]);

	it('says how much of a track is inside and suggests the neighbourhood most of it is in', () => {
		const check = checkFieldArea(track, APPROXIMATE_OUTLINES);
		expect(check).toEqual({ total: 6, inside: 4, neighbourhood: 'vesterbro' });
		expect(leavesFieldArea(check)).toBe(true);
		expect(
			checkFieldArea(trackFromFixes([at(0, ...LJ)]), APPROXIMATE_OUTLINES).neighbourhood
		).toBeNull();
		expect(leavesFieldArea({ total: 10, inside: 9, neighbourhood: 'vesterbro' })).toBe(false);
	});

	it('trims to the fixes inside, with a gap where a stretch was cut out', () => {
		const trimmed = trimToFieldArea(track, APPROXIMATE_OUTLINES);
		expect(Array.from(trimmed.t)).toEqual([0, 1, 4, 5]);
		expect([0, 1, 2, 3].map((i) => gapBefore(trimmed, i))).toEqual([false, false, true, false]);
	});
});
