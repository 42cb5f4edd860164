import { m } from '$lib/paraglide/messages.js';
import { intlLocale } from '$lib/domain/format/datetime';
import { locale } from '$lib/features/app/locale.svelte';
import type {
	Consent,
	ConsentForm,
	ConsentRecord,
	LocationConsent
} from '$lib/domain/participants/participant';

export function locationConsentName(l: LocationConsent): string {
	return l === 'none'
		? m.consentLocNone()
		: l === 'neighbourhood'
			? m.consentLocNeighbourhood()
			: m.consentLocCell();
}

export function consentFormName(f: ConsentForm): string {
	return f === 'written'
		? m.consentFormWritten()
		: f === 'oral'
			? m.consentFormOral()
			: m.consentFormRecorded();
}

export function consentSummary(c: Consent): string {
	return [
		m.consentLocationSummary({ level: locationConsentName(c.location) }),
		c.followAlong ? m.consentFollowYes() : m.consentFollowNo(),
		c.aggregate ? m.consentAggregateYes() : m.consentAggregateNo()
	].join(' · ');
}

export function consentDate(at: number): string {
	return new Date(at).toLocaleDateString(intlLocale(locale.current), {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
}

/** "Consent given 5 January 2026, written · sheet v2", or that it has no date. */
export function consentRecordSummary(r: ConsentRecord | null): string {
	if (!r) return m.consentNotDated();
	const form = consentFormName(r.form).toLocaleLowerCase();
	const given = m.consentGivenSummary({ date: consentDate(r.givenAt), form });
	return r.sheetVersion
		? `${given} · ${m.consentSheetSummary({ version: r.sheetVersion })}`
		: given;
}

/** The value of an `<input type="date">` for a time, in local time. */
export function dateInputValue(at: number | null | undefined): string {
	if (at === null || at === undefined) return '';
	const d = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Back from an `<input type="date">`: noon local time, so no time zone moves the day. */
export function dateFromInput(value: string): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return null;
	return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime();
}
