import { copenhagenDayKey } from '../format/datetime';

const HOUR = 3_600_000;

/** Day keys by UTC hour, shared by all computations: a pure function of the hour, safe to keep. */
const keyByHour = new Map<number, string>();
const MAX_HOURS_KEPT = 200_000;

function dayKeyOfHour(hour: number): string {
	let key = keyByHour.get(hour);
	if (key === undefined) {
		if (keyByHour.size >= MAX_HOURS_KEPT) keyByHour.clear();
		key = copenhagenDayKey(hour * HOUR);
		keyByHour.set(hour, key);
	}
	return key;
}

/**
 * Copenhagen calendar days as small integers. Copenhagen's offset from UTC is a whole number of
 * hours (+1 or +2), so every moment in one UTC hour falls on the same local day: one
 * `copenhagenDayKey` call per hour seen instead of one per fix (Intl formatting takes µs).
 */
export class DayIndex {
	#byHour = new Map<number, number>();
	#byKey = new Map<string, number>();
	readonly keys: string[] = [];

	of(ms: number): number {
		const hour = Math.floor(ms / HOUR);
		let day = this.#byHour.get(hour);
		if (day === undefined) {
			const key = dayKeyOfHour(hour);
			day = this.#byKey.get(key);
			if (day === undefined) {
				day = this.keys.length;
				this.keys.push(key);
				this.#byKey.set(key, day);
			}
			this.#byHour.set(hour, day);
		}
		return day;
	}

	/** The next UTC hour boundary after `ms` (where the day may change). */
	static nextHour(ms: number): number {
		return (Math.floor(ms / HOUR) + 1) * HOUR;
	}

	get count(): number {
		return this.keys.length;
	}
}
