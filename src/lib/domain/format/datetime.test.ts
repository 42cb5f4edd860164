import { describe, expect, it } from 'vitest';
import { copenhagenDayKey, formatBytes, formatDateTime, formatTime } from './datetime';

// 2026-03-03 13:05 UTC = 14:05 in Copenhagen (CET); 2026-07-01 12:00 UTC = 14:00 (CEST)
const winter = Date.UTC(2026, 2, 3, 13, 5);
const summer = Date.UTC(2026, 6, 1, 12, 0);

describe('date formatting', () => {
	it('shows Copenhagen time in the language of the app', () => {
		const inCph = { deviceZone: 'Europe/Copenhagen' };
		expect(formatDateTime(winter, 'en', inCph)).toBe('3 Mar 2026, 14:05');
		expect(formatDateTime(winter, 'da', inCph)).toMatch(/^3\. mar\. 2026.*14\.05$/);
		expect(formatTime(summer, 'en', inCph)).toBe('14:00');
	});
	it('names the zone in full dates too when the device is elsewhere', () => {
		expect(formatDateTime(winter, 'en', { deviceZone: 'America/New_York' })).toBe(
			'3 Mar 2026, 14:05 CET'
		);
		expect(formatDateTime(summer, 'da', { deviceZone: 'UTC' })).toBe('1. jul. 2026, 14.00 CEST');
	});
	it('names the zone when the device is elsewhere', () => {
		expect(formatTime(winter, 'en', { deviceZone: 'America/New_York' })).toMatch(
			/14:05 (CET|GMT\+1)/
		);
		expect(formatTime(summer, 'da', { deviceZone: 'UTC' })).toMatch(/14\.00 (CEST|GMT\+2)/);
		// A date with its time, too (dateStyle cannot be combined with a zone name: it threw).
		expect(formatDateTime(winter, 'en', { deviceZone: 'UTC' })).toMatch(
			/^3 Mar 2026, 14:05 (CET|GMT\+1)$/
		);
	});
	it('groups by the Copenhagen day, not the UTC day', () => {
		// 23:30 UTC on 31 Dec is already 1 Jan in Copenhagen
		expect(copenhagenDayKey(Date.UTC(2025, 11, 31, 23, 30))).toBe('2026-01-01');
	});
	it('formats sizes', () => {
		expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
		expect(formatBytes(1_500_000, 'da')).toBe('1,5 MB');
	});
});

describe('isoCopenhagen', () => {
	it('writes Copenhagen local time with its offset', async () => {
		const { isoCopenhagen } = await import('./datetime');
		expect(isoCopenhagen(Date.UTC(2026, 2, 3, 13, 5))).toBe('2026-03-03T14:05:00+01:00');
		expect(isoCopenhagen(Date.UTC(2026, 6, 1, 12, 0))).toBe('2026-07-01T14:00:00+02:00');
	});
});

describe('datetime-local in Copenhagen time', () => {
	it('round-trips, summer and winter', async () => {
		const { fromCopenhagenInput, toCopenhagenInput } = await import('./datetime');
		const winter = Date.UTC(2026, 2, 3, 13, 5);
		const summer = Date.UTC(2026, 6, 1, 12, 0);
		expect(toCopenhagenInput(winter)).toBe('2026-03-03T14:05');
		expect(fromCopenhagenInput('2026-03-03T14:05')).toBe(winter);
		expect(fromCopenhagenInput('2026-07-01T14:00')).toBe(summer);
		expect(fromCopenhagenInput('nonsense')).toBeNull();
	});
});
