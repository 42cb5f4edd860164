import { describe, expect, it } from 'vitest';
import { snapToCell } from '../geo/cells';
import { applyConsent, consentProblems } from '../notes/consent';
import {
	allowedLocation,
	grantsAnything,
	inAggregates,
	neighbourhoodOfCode,
	ParticipantContent,
	suggestCode
} from './participant';

const p = (location: 'none' | 'neighbourhood' | 'cell', over: object = {}) =>
	ParticipantContent.parse({ code: 'VB-001', consent: { location }, ...over });

describe('participants', () => {
	it('suggest the next code in the neighbourhood series, after the highest', () => {
		expect(suggestCode('vesterbro', [])).toBe('VB-001');
		expect(suggestCode('vesterbro', ['VB-001', 'VB-002', 'VB-004', 'NV-003'])).toBe('VB-005');
		expect(suggestCode('vesterbro', ['VB-014', 'P-001'])).toBe('VB-015');
		expect(suggestCode('sundholm', ['SH-021'])).toBe('SH-022');
		expect(suggestCode(null, ['VB-014'])).toBe('P-001');
		expect(neighbourhoodOfCode('vb-014')).toBe('vesterbro');
		expect(neighbourhoodOfCode('X-1')).toBeNull();
	});
	it('grant nothing until consent is recorded', () => {
		const fresh = ParticipantContent.parse({ code: 'VB-001' });
		expect(fresh.consent).toEqual({ location: 'none', followAlong: false, aggregate: false });
		expect(grantsAnything(fresh.consent)).toBe(false);
		expect(fresh.consentRecord).toBeNull();
		expect(inAggregates(fresh)).toBe(false);
		// a participant stored before consent was recorded keeps the scopes they have
		const old = ParticipantContent.parse({
			code: 'VB-002',
			consent: { location: 'cell', followAlong: true, aggregate: true }
		});
		expect(old.consent.aggregate).toBe(true);
		expect(old.consentHistory).toEqual([]);
	});
	it('have codes, never names with spaces or markup', () => {
		expect(() => ParticipantContent.parse({ code: 'Jens Hansen' })).toThrow();
		expect(() => ParticipantContent.parse({ code: '<b>x</b>' })).toThrow();
	});
	it('the strictest consent decides how precise a note may be', () => {
		expect(allowedLocation([])).toBe('cell');
		expect(allowedLocation([p('cell'), p('neighbourhood')])).toBe('neighbourhood');
		expect(allowedLocation([p('cell'), p('none')])).toBe('none');
	});
	it('a note about someone who said no location cannot carry one', () => {
		const note = { location: snapToCell(55.66, 12.55, 8), neighbourhood: 'vesterbro' as const };
		expect(consentProblems(note, [p('none')])).toEqual([
			{ kind: 'location-not-allowed', allowed: 'none' }
		]);
		expect(applyConsent(note, [p('none')])).toEqual({ location: null, neighbourhood: null });
		expect(applyConsent(note, [p('neighbourhood')])).toEqual({
			location: null,
			neighbourhood: 'vesterbro'
		});
		expect(consentProblems(note, [p('cell')])).toEqual([]);
	});
	it('withdrawn participants leave aggregates and cannot be added to notes', () => {
		const gone = p('cell', { withdrawnAt: 5 });
		expect(inAggregates(gone)).toBe(false);
		expect(inAggregates(p('cell', { consent: { aggregate: false } }))).toBe(false);
		expect(inAggregates(p('cell', { consent: { aggregate: true } }))).toBe(true);
		expect(consentProblems({ location: null, neighbourhood: null }, [gone])).toEqual([
			{ kind: 'withdrawn', code: 'VB-001' }
		]);
	});
});
