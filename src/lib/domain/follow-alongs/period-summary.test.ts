import { describe, expect, it } from 'vitest';
import { toCsv } from '../export/csv-dialect';
import { destination } from '../tracks/geo';
import { EMPTY_TRACK, trackFromFixes } from '../tracks/track';
import { PeriodTally, periodSummaryCsv } from './period-summary';

const MIN = 60_000;
const stop = (
	at: number,
	minutes: number,
	o: { key?: string; label?: string; inst?: boolean }
) => ({
	arrivedAt: at * MIN,
	departedAt: (at + minutes) * MIN,
	placeKey: o.key ?? null,
	placeLabel: o.label ?? null,
	institution: o.inst ?? false
});
const HJEM = { key: 'p1', label: 'Mændenes Hjem', inst: true };
const TRAPPEN = { label: 'Trappen' };

describe('a summary across days', () => {
	const tally = new PeriodTally();
	// VB-014: two days; NV-003: one day. Stops only (no track): time is time at stops.
	tally.add({
		participantId: 'a',
		code: 'VB-014',
		track: EMPTY_TRACK,
		stops: [stop(0, 44, HJEM), stop(50, 10, TRAPPEN)]
	});
	tally.add({ participantId: 'a', code: 'VB-014', track: EMPTY_TRACK, stops: [stop(0, 30, HJEM)] });
	tally.add({
		participantId: 'b',
		code: 'NV-003',
		track: EMPTY_TRACK,
		stops: [stop(0, 20, { label: 'trappen' }), stop(30, 15, {})]
	});
	const s = tally.result();

	it('adds up time at institutions and outside per participant', () => {
		expect(
			s.perParticipant.map((p) => [p.code, p.days, p.institutionMs / MIN, p.outsideMs / MIN])
		).toEqual([
			['NV-003', 1, 0, 35],
			['VB-014', 2, 74, 10]
		]);
		expect([s.days, s.institutionMs / MIN, s.outsideMs / MIN]).toEqual([3, 74, 45]);
	});

	it('adds up time per place, with visits, days and participants', () => {
		expect(
			s.perPlace.map((t) => [t.label, t.ms / MIN, t.visits, t.days, t.participants, t.institution])
		).toEqual([
			['Mændenes Hjem', 74, 2, 2, 1, true],
			['Trappen', 30, 2, 2, 2, false],
			[null, 15, 1, 1, 1, false]
		]);
	});

	it('writes CSV and the Danish Excel variant (semicolons, decimal comma, BOM)', () => {
		const csv = periodSummaryCsv(s, 'standard', 'Unnamed stops');
		expect(csv.startsWith('\uFEFFscope,participant,place,institution,')).toBe(true);
		expect(csv).toContain('\r\nparticipant,VB-014,,,2,,,74,10,6,,0\r\n');
		expect(csv).toContain('\r\nplace,,Unnamed stops,no,1,1,1,,,,15,\r\n');
		const da = periodSummaryCsv(s, 'excel-da', 'Unavngivne stop');
		expect(da).toContain('\r\nplace;;Mændenes Hjem;yes;2;2;1;;;;74;\r\n');
		expect(toCsv([[1.5, 'a;b', '=1+1']], 'excel-da')).toBe('\uFEFF1,5;"a;b";\'=1+1\r\n');
		expect(toCsv([[1.5, 'a,b']], 'standard')).toBe('\uFEFF1.5,"a,b"\r\n');
	});

	it('says how much of the time outside was sketched by hand rather than recorded', () => {
		// 10 min walked with GPS, then 10 min sketched: both outside, one of them reconstructed.
		const fixes = Array.from({ length: 21 }, (_, m) => ({
			t: m * MIN,
			...destination(55.66, 12.55, 0, m * 100),
			acc: m > 10 ? 0 : 5,
			src: m > 10 ? ('reconstructed' as const) : ('gps' as const)
		}));
		const mixed = new PeriodTally();
		mixed.add({ participantId: 'c', code: 'SH-021', track: trackFromFixes(fixes), stops: [] });
		const r = mixed.result();
		expect([r.outsideMs / MIN, r.sketchedMs / MIN]).toEqual([20, 10]);
		expect(r.perParticipant[0]!.sketchedMs).toBe(10 * MIN);
		const csv = periodSummaryCsv(r, 'standard', 'Unnamed stops');
		expect(csv.split('\r\n')[0]!.endsWith(',minutes_outside_sketched')).toBe(true);
		expect(csv).toContain('\r\nparticipant,SH-021,,,1,,,0,20,0,,10\r\n');
	});
});
