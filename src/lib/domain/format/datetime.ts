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
	return formatter(locale, { dateStyle: 'medium', timeStyle: 'short', ...zoneOpts(o) }).format(ms);
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
