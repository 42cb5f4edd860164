import { DAY_MS } from '../domain/records/day';

/**
 * How the scans of a locked workspace tell a time finer than a day (issue 16): the unit tests'
 * (clear-times.ts) and the end-to-end scan's (tests/e2e/locked-scan.spec.ts). Relative imports
 * only: Playwright reads this file too.
 */
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2100, 0, 1);

/** A time in milliseconds or seconds from 2020 to 2100 that is not a whole day. */
export function finerThanADay(n: number): boolean {
	if (!Number.isInteger(n)) return false;
	if (n >= FROM && n < TO) return n % DAY_MS !== 0;
	return n >= FROM / 1000 && n < TO / 1000 && n % (DAY_MS / 1000) !== 0;
}

/** Every run of 10 to 13 digits standing alone in a text (a time written as a number). */
export const digitRuns = (text: string): number[] =>
	(text.match(/(?<![\w.])\d{10,13}(?![\w.])/g) ?? []).map(Number);

/** A date and time written out (ISO 8601, to the minute or finer). */
export const writtenTimes = (text: string): string[] =>
	text.match(/\d{4}-\d\d-\d\dT\d\d:\d\d/g) ?? [];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Ids shaped like a ULID whose first 10 characters read as a time within two days of `now`: a
 * time-ordered id made now (a random id falls there about once in seven million).
 */
export function timeOrderedIds(text: string, now = Date.now()): string[] {
	return (text.match(/(?<![0-9A-Z])[0-9A-HJKMNP-TV-Z]{26}(?![0-9A-Z])/g) ?? []).filter((id) => {
		const t = [...id.slice(0, 10)].reduce((acc, c) => acc * 32 + CROCKFORD.indexOf(c), 0);
		return Math.abs(t - now) < 2 * DAY_MS;
	});
}
