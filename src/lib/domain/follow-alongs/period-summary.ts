import { toCsv, type CsvDialect, type CsvValue } from '../export/csv-dialect';
import { fold } from '../text/fold';
import { summariseDay, type PlaceStop } from '../tracks/summary';
import type { Track } from '../tracks/track';

/**
 * Time at institutions and outside them across many days, per participant and per place: the
 * figures for the analysis of help-seeking. Each day is summarised as the day screen does
 * (`summariseDay`), so the figures agree with it; days are added one at a time, so a long
 * period never needs every track in memory at once.
 */

export interface PeriodDay {
	participantId: string | null;
	/** The participant's code, or '' for a day without one. */
	code: string;
	track: Track;
	stops: readonly PlaceStop[];
}

export interface ParticipantTime {
	participantId: string | null;
	code: string;
	days: number;
	institutionMs: number;
	outsideMs: number;
	/** Of `outsideMs`, the moving time sketched by hand: a reconstruction, not a measurement. */
	sketchedMs: number;
	/** Unknown time (gaps in the track outside stops). */
	gapMs: number;
}

export interface PlaceTimeAcross {
	key: string | null;
	label: string | null;
	institution: boolean;
	ms: number;
	visits: number;
	days: number;
	participants: number;
}

export interface PeriodSummary {
	days: number;
	institutionMs: number;
	outsideMs: number;
	/** Of `outsideMs`, sketched by hand. */
	sketchedMs: number;
	gapMs: number;
	/** By code. */
	perParticipant: ParticipantTime[];
	/** Longest first. */
	perPlace: PlaceTimeAcross[];
}

export class PeriodTally {
	#days = 0;
	#people = new Map<string, ParticipantTime>();
	#places = new Map<string, PlaceTimeAcross & { who: Set<string> }>();

	add(day: PeriodDay): void {
		const s = summariseDay(day.track, day.stops);
		this.#days++;
		const who = day.participantId ?? '';
		let p = this.#people.get(who);
		if (!p) {
			p = {
				participantId: day.participantId,
				code: day.code,
				days: 0,
				institutionMs: 0,
				outsideMs: 0,
				sketchedMs: 0,
				gapMs: 0
			};
			this.#people.set(who, p);
		}
		p.days++;
		p.institutionMs += s.institutionMs;
		p.outsideMs += s.outsideMs;
		p.sketchedMs += s.reconstructed.movingMs;
		p.gapMs += s.gapMs;
		for (const place of s.perPlace) {
			const group =
				place.key !== null
					? `k:${place.key}`
					: place.label !== null
						? `l:${fold(place.label)}`
						: '-';
			let t = this.#places.get(group);
			if (!t) {
				t = {
					key: place.key,
					label: place.label,
					institution: false,
					ms: 0,
					visits: 0,
					days: 0,
					participants: 0,
					who: new Set()
				};
				this.#places.set(group, t);
			}
			t.ms += place.ms;
			t.visits += place.visits;
			t.days++;
			t.institution ||= place.institution;
			t.who.add(who);
		}
	}

	result(): PeriodSummary {
		const perParticipant = [...this.#people.values()].sort((a, b) => a.code.localeCompare(b.code));
		const perPlace = [...this.#places.values()]
			.map(({ who, ...t }) => ({ ...t, participants: who.size }))
			.sort((a, b) => b.ms - a.ms);
		const sum = (k: 'institutionMs' | 'outsideMs' | 'sketchedMs' | 'gapMs') =>
			perParticipant.reduce((n, p) => n + p[k], 0);
		return {
			days: this.#days,
			institutionMs: sum('institutionMs'),
			outsideMs: sum('outsideMs'),
			sketchedMs: sum('sketchedMs'),
			gapMs: sum('gapMs'),
			perParticipant,
			perPlace
		};
	}
}

export const PERIOD_CSV_COLUMNS = [
	'scope',
	'participant',
	'place',
	'institution',
	'days',
	'visits',
	'participants',
	'minutes_at_institutions',
	'minutes_outside',
	'minutes_unknown',
	'minutes_at_place',
	'minutes_outside_sketched'
] as const;

const minutes = (ms: number) => ms / 60_000;

/**
 * The summary as one table: a row per participant (time at institutions, outside and unknown,
 * and how much of outside was sketched by hand rather than recorded),
 * a row per place (time there, visits, days, how many participants), and a total row. Minutes,
 * to two decimals. `unnamed` labels the stops that have no place and no name.
 */
export function periodSummaryCsv(s: PeriodSummary, dialect: CsvDialect, unnamed: string): string {
	const rows: CsvValue[][] = [[...PERIOD_CSV_COLUMNS]];
	for (const p of s.perParticipant)
		rows.push([
			'participant',
			p.code,
			null,
			null,
			p.days,
			null,
			null,
			minutes(p.institutionMs),
			minutes(p.outsideMs),
			minutes(p.gapMs),
			null,
			minutes(p.sketchedMs)
		]);
	for (const t of s.perPlace)
		rows.push([
			'place',
			null,
			t.label ?? unnamed,
			t.institution ? 'yes' : 'no',
			t.days,
			t.visits,
			t.participants,
			null,
			null,
			null,
			minutes(t.ms),
			null
		]);
	rows.push([
		'total',
		null,
		null,
		null,
		s.days,
		null,
		s.perParticipant.length,
		minutes(s.institutionMs),
		minutes(s.outsideMs),
		minutes(s.gapMs),
		null,
		minutes(s.sketchedMs)
	]);
	return toCsv(rows, dialect);
}
