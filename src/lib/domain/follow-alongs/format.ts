/** Durations and distances for a day's figures, in a form that reads the same in both languages. */

/**
 * Hours, minutes and seconds, always with the hours ("0:15:48", "2:05:09"), so a duration is never
 * mistaken for a time of day; never negative.
 */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "850 m" below a kilometre, "3.1 km" / "3,1 km" above (with the locale's decimal mark). */
export function formatDistance(metres: number, intlLocale: string): string {
	if (metres < 1000) return `${Math.round(metres)} m`;
	const km = new Intl.NumberFormat(intlLocale, {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(metres / 1000);
	return `${km} km`;
}

/** Whole minutes, for dwell times: "12 min". */
export function formatMinutes(ms: number): string {
	return `${Math.max(0, Math.round(ms / 60_000))} min`;
}
