import { m } from '$lib/paraglide/messages.js';
import { deepEqual } from '$lib/domain/exchange/equal';
import { notContent, type ExchangeRecord } from '$lib/domain/exchange/merge';
import { formatDateTime, type AppLocale } from '$lib/domain/format/datetime';
import { PLACE_FIELDS, type PlaceField } from '$lib/domain/places/place';
import type { FieldChange } from '$lib/domain/places/history';
import type { ExchangeTable } from '$lib/features/exchange/exchange-tables.service';
import { compareTexts } from '$lib/domain/text/text-diff';
import { fieldName, formatValue } from '$lib/i18n/place-format';

const clip = (s: string, n = 100) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A line that says which record this is: a place's name, a code's label, a note's time and text. */
export function recordTitle(table: ExchangeTable, r: ExchangeRecord, locale: AppLocale): string {
	const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
	const when = (k: string) =>
		typeof r[k] === 'number' ? formatDateTime(r[k] as number, locale) : '';
	switch (table) {
		case 'places':
			return s('name');
		case 'codes': {
			const label = r.label as { en?: string; da?: string } | undefined;
			return label?.[locale] || label?.en || label?.da || '';
		}
		case 'notes':
			// The text itself is shown whole below, with the differences marked.
			return when('observedAt');
		case 'participants':
			return s('code');
		case 'ethnographers':
			return s('displayName');
		case 'followAlongs':
			return when('startedAt');
		case 'stops':
			return `${when('arrivedAt')} ${s('ownName')}`.trim();
		case 'placeRevisions':
			return when('at');
		case 'fixChunks':
			return String(r.seq ?? '');
		case 'releases':
			return s('title');
		case 'interviews':
			return s('date');
		case 'namedPlaces':
			return s('activity');
		case 'tombstones':
			return '';
	}
}

export function tableName(table: ExchangeTable): string {
	const names: Record<ExchangeTable, () => string> = {
		places: m.tablePlaces,
		placeRevisions: m.tablePlaceRevisions,
		codes: m.tableCodes,
		ethnographers: m.tableEthnographers,
		participants: m.tableParticipants,
		notes: m.tableNotes,
		followAlongs: m.tableFollowAlongs,
		stops: m.tableStops,
		fixChunks: m.tableFixChunks,
		tombstones: m.tableTombstones,
		releases: m.tableReleases,
		interviews: m.tableInterviews,
		namedPlaces: m.tableNamedPlaces
	};
	return names[table]();
}

/**
 * The content fields the two versions disagree on. A note's document is left out where its
 * text differs: the text is the same words, shown whole with the differences marked.
 */
export function changedFields(a: ExchangeRecord, b: ExchangeRecord): string[] {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	const fields = [...keys].filter((k) => !notContent(k) && !deepEqual(a[k], b[k]));
	// A note's doc is its text with formatting: a changed text is shown once, as the text.
	return fields.includes('text') ? fields.filter((k) => k !== 'doc') : fields;
}

const isPlaceField = (k: string): k is PlaceField => (PLACE_FIELDS as string[]).includes(k);

export function fieldLabel(table: ExchangeTable, key: string): string {
	if (table === 'places' && isPlaceField(key)) return fieldName(key);
	const known: Record<string, () => string> = {
		text: m.fieldText,
		doc: m.fieldText,
		label: m.fieldLabel,
		definition: m.fieldDefinition,
		code: m.fieldCode,
		codeIds: m.tableCodes,
		participantIds: m.tableParticipants,
		placeIds: m.tablePlaces,
		placeLabel: m.fieldPlaceLabel,
		neighbourhood: m.placeNeighbourhood,
		location: m.placeLocation,
		displayName: m.placeName
	};
	return known[key]?.() ?? key;
}

/** One side's value as short text; names and notes stay text, never markup. */
export function valueText(
	table: ExchangeTable,
	key: string,
	value: unknown,
	placeName: (id: string) => string
): string {
	if (table === 'places' && isPlaceField(key))
		return formatValue({ field: key, from: value, to: value } as FieldChange, 'to', placeName);
	if (value === null || value === undefined || value === '') return m.noneOption();
	if (typeof value === 'boolean') return value ? m.placeYes() : m.placeNo();
	if (typeof value === 'string' || typeof value === 'number') return clip(String(value));
	if (Array.isArray(value)) return m.itemsCount({ count: value.length });
	if (key === 'doc') return m.fieldTextChanged();
	const o = value as Record<string, unknown>;
	return clip(
		Object.values(o)
			.filter((v) => typeof v === 'string' && v)
			.join(' / ') || JSON.stringify(o)
	);
}

/**
 * The changed text fields, each compared word by word: shown whole on both sides, with the
 * differences marked. A place's other string fields are keys (a category), shown by their names.
 */
export function textChanges(
	table: ExchangeTable,
	fields: string[],
	local: ExchangeRecord,
	incoming: ExchangeRecord
): Map<string, ReturnType<typeof compareTexts>> {
	const texts = fields.filter(
		(f) =>
			(table !== 'places' || f === 'name' || f === 'officialName') &&
			typeof local[f] === 'string' &&
			typeof incoming[f] === 'string'
	);
	return new Map(texts.map((f) => [f, compareTexts(local[f] as string, incoming[f] as string)]));
}
