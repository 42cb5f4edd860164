import { z } from 'zod';
import { Activity } from '../named-places/named-place';
import { Consent } from '../participants/participant';
import { ULID_PATTERN } from '../records/ids';
import { GEOMETRY_LAT, GEOMETRY_LON, type SurveyTable } from './table';
import { activityOf, parseGeopoint } from './answers';

/*
 * Which columns of a survey export mean what: the respondent's study ID, the columns that hold
 * places (a Kobo split geopoint, an ODK geopoint string, REDCap's latitude and longitude, or a
 * glossary place id from a choice list made by the glossary export), and for each place its
 * activity (a column, or one activity for the whole question) and its frequency.
 */

const Column = z.string().min(1);

export const PlaceSource = z.discriminatedUnion('kind', [
	/** ODK Central: "lat lon alt acc" in one text cell. */
	z.object({ kind: z.literal('geopoint'), column: Column }),
	/** Kobo's `_q_latitude`, `_q_longitude`, `_q_precision`; REDCap's two fields. */
	z.object({
		kind: z.literal('latlon'),
		lat: Column,
		lon: Column,
		precision: Column.nullable().default(null)
	}),
	/** A glossary place id (the `name` of the glossary's choice list). */
	z.object({ kind: z.literal('glossary'), column: Column })
]);
export type PlaceSource = z.infer<typeof PlaceSource>;

export const ActivitySource = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('column'), column: Column }),
	z.object({ kind: z.literal('fixed'), activity: Activity })
]);
export type ActivitySource = z.infer<typeof ActivitySource>;

export const PlaceColumn = z.object({
	/** The question's name: part of every answer's identity, so a re-import finds it again. */
	key: z.string().min(1).max(200),
	source: PlaceSource,
	activity: ActivitySource,
	frequency: Column.nullable().default(null)
});
export type PlaceColumn = z.infer<typeof PlaceColumn>;

export const SurveyMapping = z.object({
	idColumn: z.string().min(1, 'choose the column with the study ID'),
	places: z.array(PlaceColumn).min(1, 'choose at least one column with places').max(30),
	/** The period the survey asked about ("the last 30 days"). */
	period: z.string().trim().max(80).nullable().default(null),
	/** What respondents agreed to in the survey: the consent of participants it creates. */
	consent: Consent
});
export type SurveyMapping = z.infer<typeof SurveyMapping>;

/** Every column a mapping reads, with what for (a missing one is named). */
export function mappedColumns(m: SurveyMapping): string[] {
	const out = [m.idColumn];
	for (const p of m.places) {
		if (p.source.kind === 'latlon') {
			out.push(p.source.lat, p.source.lon);
			if (p.source.precision) out.push(p.source.precision);
		} else out.push(p.source.column);
		if (p.activity.kind === 'column') out.push(p.activity.column);
		if (p.frequency) out.push(p.frequency);
	}
	return out;
}

const ID_NAMES =
	/^(study[-_ ]?id|participant([-_ ]?(code|id))?|respondent([-_ ]?id)?|record[-_]id|code|deltager([-_ ]?kode)?|id)$/i;

/** The activity a question's name suggests ("where_sleep" → sleep), else hanging out. */
function activityFromName(key: string): Activity {
	for (const word of key.toLowerCase().split(/[^a-zæøå]+/)) {
		const a = activityOf(word);
		if (a) return a;
	}
	return 'hang-out';
}

/** The first non-empty value of a column. */
function sample(table: SurveyTable, column: string): string {
	const j = table.columns.indexOf(column);
	return table.rows.find((r) => r[j] !== '')?.[j] ?? '';
}

/**
 * A first mapping from the column names and the first values, for the user to check: Kobo's
 * split geopoints by their `_…_latitude` names, ODK's by their values, REDCap's `…_lat`/`…_lon`
 * pairs, glossary ids by their shape, the point of a GeoJSON feature.
 */
export function suggestMapping(table: SurveyTable): Omit<SurveyMapping, 'consent'> {
	const cols = table.columns;
	const has = (c: string) => cols.includes(c);
	const used = new Set<string>();
	const places: PlaceColumn[] = [];
	const add = (key: string, source: PlaceSource, columns: string[]) => {
		columns.forEach((c) => used.add(c));
		const activity = cols.find((c) => c === `${key}_activity` || c === `activity_${key}`);
		const frequency = cols.find((c) => c === `${key}_frequency` || c === `frequency_${key}`);
		if (activity) used.add(activity);
		if (frequency) used.add(frequency);
		places.push({
			key,
			source,
			activity: activity
				? { kind: 'column', column: activity }
				: { kind: 'fixed', activity: activityFromName(key) },
			frequency: frequency ?? null
		});
	};
	if (has(GEOMETRY_LAT) && has(GEOMETRY_LON))
		add('geometry', { kind: 'latlon', lat: GEOMETRY_LAT, lon: GEOMETRY_LON, precision: null }, [
			GEOMETRY_LAT,
			GEOMETRY_LON
		]);
	const plain = [
		['latitude', 'longitude'],
		['lat', 'lon']
	] as const;
	for (const [lat, lon] of plain)
		if (has(lat) && has(lon))
			add('location', { kind: 'latlon', lat, lon, precision: null }, [lat, lon]);
	for (const c of cols) {
		const kobo = /^_(.+)_latitude$/.exec(c);
		const redcap = /^(.+?)_?(lat|latitude)$/i.exec(c);
		const key = kobo?.[1] ?? redcap?.[1];
		if (!key || used.has(c)) continue;
		const lon = kobo
			? `_${key}_longitude`
			: [`${key}_lon`, `${key}_longitude`, `${key}lon`].find(has);
		if (!lon || !has(lon)) continue;
		const precision = kobo && has(`_${key}_precision`) ? `_${key}_precision` : null;
		// Kobo also writes the whole geopoint in the question's own column: read once, from the split.
		add(key, { kind: 'latlon', lat: c, lon, precision }, [
			c,
			lon,
			key,
			`_${key}_altitude`,
			...(precision ? [precision] : [])
		]);
	}
	for (const c of cols) {
		if (used.has(c)) continue;
		const v = sample(table, c);
		if (parseGeopoint(v) && /\s/.test(v)) add(c, { kind: 'geopoint', column: c }, [c]);
		else if (ULID_PATTERN.test(v)) add(c, { kind: 'glossary', column: c }, [c]);
	}
	const idColumn = cols.find((c) => ID_NAMES.test(c) && !used.has(c)) ?? '';
	return { idColumn, places, period: null };
}
