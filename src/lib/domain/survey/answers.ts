import {
	ACTIVITIES,
	FREQUENCIES,
	type Activity,
	type Frequency
} from '../named-places/named-place';

/*
 * One answer's cells read as what they say: a number (with a decimal comma from a Danish Excel),
 * an ODK geopoint ("lat lon alt acc"), a position in Copenhagen or not, an activity or a
 * frequency in the words a survey form uses.
 */

export function parseNumber(cell: string, decimalComma: boolean): number | null {
	const s = decimalComma ? cell.replace(',', '.') : cell;
	if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
	return Number(s);
}

export interface Position {
	lat: number;
	lon: number;
	/** Metres, as the device reported it; null when the export has none (REDCap). */
	accuracy: number | null;
}

/** ODK's geopoint text: latitude, longitude, altitude and accuracy, separated by spaces. */
export function parseGeopoint(cell: string): Position | null {
	const parts = cell.trim().split(/\s+/);
	if (parts.length < 2 || parts.length > 4) return null;
	const nums = parts.map((p) => parseNumber(p, false));
	if (nums.some((n) => n === null)) return null;
	const [lat, lon, , acc] = nums as number[];
	if (Math.abs(lat!) > 90 || Math.abs(lon!) > 180) return null;
	return { lat: lat!, lon: lon!, accuracy: acc ?? null };
}

/**
 * Copenhagen and Frederiksberg with a margin (the study's three neighbourhoods lie well inside):
 * an answer outside is a mistake or a place the maps cannot show.
 */
export const COPENHAGEN = { south: 55.6, north: 55.74, west: 12.45, east: 12.66 } as const;

export function inCopenhagen(lat: number, lon: number): boolean {
	return (
		lat >= COPENHAGEN.south &&
		lat <= COPENHAGEN.north &&
		lon >= COPENHAGEN.west &&
		lon <= COPENHAGEN.east
	);
}

/** Latitude and longitude in each other's columns: outside as given, inside the other way round. */
export function looksSwapped(lat: number, lon: number): boolean {
	return !inCopenhagen(lat, lon) && inCopenhagen(lon, lat);
}

const fold = (s: string) =>
	s
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, '-');

/** Words survey forms use for the activities (choice names and labels, English and Danish). */
const ACTIVITY_WORDS: Record<string, Activity> = {
	hangout: 'hang-out',
	'hang-around': 'hang-out',
	'earn-money': 'earn',
	begging: 'earn',
	'wash-or-toilet': 'wash',
	toilet: 'wash',
	'get-help': 'help',
	'meet-people': 'meet',
	sove: 'sleep',
	'hænge-ud': 'hang-out',
	købe: 'buy',
	bruge: 'use',
	'tjene-penge': 'earn',
	spise: 'eat',
	vaske: 'wash',
	'få-hjælp': 'help',
	hjælp: 'help',
	'møde-folk': 'meet',
	undgå: 'avoid'
};

const FREQUENCY_WORDS: Record<string, Frequency> = {
	day: 'daily',
	week: 'weekly',
	month: 'monthly',
	rare: 'rarely',
	never: 'rarely',
	dagligt: 'daily',
	ugentligt: 'weekly',
	månedligt: 'monthly',
	sjældent: 'rarely'
};

export function activityOf(cell: string): Activity | null {
	const w = fold(cell);
	return (ACTIVITIES as readonly string[]).includes(w)
		? (w as Activity)
		: (ACTIVITY_WORDS[w] ?? null);
}

export function frequencyOf(cell: string): Frequency | null {
	const w = fold(cell);
	return (FREQUENCIES as readonly string[]).includes(w)
		? (w as Frequency)
		: (FREQUENCY_WORDS[w] ?? null);
}
