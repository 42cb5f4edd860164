export type AppLocale = 'en' | 'da';

export const FIELD_TIME_ZONE = 'Europe/Copenhagen';

const INTL_LOCALE: Record<AppLocale, string> = { en: 'en-GB', da: 'da-DK' };

export function intlLocale(locale: AppLocale): string {
	return INTL_LOCALE[locale];
}

export function deviceTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface FormatOptions {
	/** The device's own zone; when it is not Copenhagen, the zone is written out. */
	deviceZone?: string;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: AppLocale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = locale + JSON.stringify(opts);
	let f = cache.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: FIELD_TIME_ZONE, ...opts });
		cache.set(key, f);
	}
	return f;
}

function zoneOpts(o: FormatOptions): Intl.DateTimeFormatOptions {
	const zone = o.deviceZone ?? deviceTimeZone();
	return zone === FIELD_TIME_ZONE ? {} : { timeZoneName: 'short' };
}

/** Date and time of day in Copenhagen time, e.g. "3 Mar 2026, 14:05" / "3. mar. 2026 14.05". */
export function formatDateTime(ms: number, locale: AppLocale, o: FormatOptions = {}): string {
	const zone = zoneOpts(o);
	// Intl refuses dateStyle/timeStyle together with timeZoneName (a TypeError that broke every
	// screen on a device outside Copenhagen time), so the zone-named form spells out the fields.
	const opts: Intl.DateTimeFormatOptions = zone.timeZoneName
		? {
				day: 'numeric',
				month: 'short',
				year: 'numeric',
				hour: '2-digit',
				minute: '2-digit',
				...zone
			}
		: { dateStyle: 'medium', timeStyle: 'short' };
	return formatter(locale, opts).format(ms);
}

export function formatTime(ms: number, locale: AppLocale, o: FormatOptions = {}): string {
	return formatter(locale, { hour: '2-digit', minute: '2-digit', ...zoneOpts(o) }).format(ms);
}

export function formatDay(ms: number, locale: AppLocale): string {
	return formatter(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(ms);
}

/** The Copenhagen calendar day of a moment, as YYYY-MM-DD (for grouping and file names). */
export function copenhagenDayKey(ms: number): string {
	return formatter('en', { year: 'numeric', month: '2-digit', day: '2-digit' })
		.formatToParts(ms)
		.reduce(
			(acc, p) => {
				if (p.type === 'year') acc[0] = p.value;
				if (p.type === 'month') acc[1] = p.value;
				if (p.type === 'day') acc[2] = p.value;
				return acc;
			},
			['', '', '']
		)
		.join('-');
}

export function formatBytes(bytes: number, locale: AppLocale): string {
	const units = ['B', 'kB', 'MB', 'GB', 'TB'];
	let v = bytes;
	let i = 0;
	while (v >= 1000 && i < units.length - 1) {
		v /= 1000;
		i++;
	}
	const n = new Intl.NumberFormat(INTL_LOCALE[locale], {
		maximumFractionDigits: v < 10 && i > 0 ? 1 : 0
	});
	return `${n.format(v)} ${units[i]}`;
}

/** ISO 8601 in Copenhagen time with its offset, e.g. 2026-03-03T14:05:00+01:00 (for exports). */
export function isoCopenhagen(ms: number): string {
	const parts = formatter('en', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
		timeZoneName: 'longOffset'
	}).formatToParts(ms);
	const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
	const offset = get('timeZoneName').replace('GMT', '') || '+00:00';
	return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`;
}

/** "YYYY-MM-DDTHH:mm" of a moment in Copenhagen time (the value of a datetime-local input). */
export function toCopenhagenInput(ms: number): string {
	return isoCopenhagen(ms).slice(0, 16);
}

/** The moment a "YYYY-MM-DDTHH:mm" Copenhagen wall-clock time stands for, or null if malformed. */
export function fromCopenhagenInput(value: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
	if (!m) return null;
	const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
	// The offset at the guessed instant, corrected once more around daylight-saving changes.
	let guess = wall - offsetMs(wall);
	guess = wall - offsetMs(guess);
	return guess;
}

function offsetMs(ms: number): number {
	const iso = isoCopenhagen(ms);
	const sign = iso.at(-6) === '-' ? -1 : 1;
	return sign * (Number(iso.slice(-5, -3)) * 60 + Number(iso.slice(-2))) * 60_000;
}
