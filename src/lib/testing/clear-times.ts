import { db } from '$lib/db/workspace';
import { digitRuns, finerThanADay, timeOrderedIds, writtenTimes } from './times';

/**
 * Every number in a stored value (as a number, as digits in a text), every written time and every
 * id that carries the time it was made.
 */
function timesIn(v: unknown, out: (string | number)[]): void {
	if (typeof v === 'number') out.push(v);
	else if (typeof v === 'string')
		out.push(...digitRuns(v), ...writtenTimes(v), ...timeOrderedIds(v));
	else if (ArrayBuffer.isView(v))
		return; // sealed bytes
	else if (Array.isArray(v)) for (const x of v) timesIn(x, out);
	else if (v && typeof v === 'object') for (const x of Object.values(v)) timesIn(x, out);
}

/**
 * What the open workspace's stores show in the clear of a time finer than a day (a time-ordered
 * id made now included): every row of
 * every store, and its key, read as stored (what someone without the passphrase reads). One line
 * a time found, `store: value`.
 */
export async function clearTimes(): Promise<string[]> {
	const found: string[] = [];
	for (const table of db().tables) {
		const out: (string | number)[] = [];
		timesIn([await table.toCollection().primaryKeys(), await table.toArray()], out);
		for (const t of out)
			if (typeof t === 'string' || finerThanADay(t)) found.push(`${table.name}: ${t}`);
	}
	return [...new Set(found)];
}
