import { z } from 'zod';
import { Id } from '../records/record';

/*
 * Withdrawal that sticks. Purging a withdrawn participant deletes their records for good and
 * leaves a tombstone: their id, nothing else, sealed like every record. It travels in backups and
 * team packages, and whatever comes in — an older backup, a colleague's package, a merge — is
 * checked against every tombstone known: the participant's records stay out.
 */

export const TombstoneContent = z.object({ participantId: Id });
export type TombstoneContent = z.infer<typeof TombstoneContent>;

/** A record as the check reads it: the fields that tie it to a participant, if any. */
export type AnyRecord = { id: string } & Record<string, unknown>;

/**
 * What belongs to a participant: their register entry, their follow-along days with the days'
 * stops, fixes and the notes written on them, every note about them, their interviews and the
 * places they named.
 */
export const PARTICIPANT_TABLES = [
	'participants',
	'followAlongs',
	'stops',
	'fixChunks',
	'notes',
	'interviews',
	'namedPlaces'
] as const;

/**
 * Whether records belong to a purged participant, one at a time, as an import reads them: a
 * purged participant's follow-along day is remembered when it passes, so its stops, fixes and
 * notes that come after it are caught too. Works on records as JSON carries them and on stored
 * rows, whose index keys (`participantId` of a day, `followAlongId` of a part) are the same.
 */
export class PurgeCheck {
	readonly purged: Set<string>;
	readonly days: Set<string>;
	/**
	 * Whom each note seen is about. A stored row seals `participantIds` inside its payload, so a
	 * second look at rows (after a tombstone came later in the file) asks here.
	 */
	readonly about: Map<string, readonly string[]>;

	constructor(
		purged: Iterable<string>,
		days: Iterable<string> = [],
		about: ReadonlyMap<string, readonly string[]> = new Map()
	) {
		this.purged = new Set(purged);
		this.days = new Set(days);
		this.about = new Map(about);
	}

	/** The same knowledge, for a second pass over what was read. */
	again(): PurgeCheck {
		return new PurgeCheck(this.purged, this.days, this.about);
	}

	belongs(table: string, r: AnyRecord): boolean {
		switch (table) {
			case 'participants':
				return this.purged.has(r.id);
			case 'followAlongs':
				if (!this.purged.has(r.participantId as string)) return false;
				this.days.add(r.id);
				return true;
			case 'stops':
			case 'fixChunks':
				return this.days.has(r.followAlongId as string);
			case 'notes': {
				if (Array.isArray(r.participantIds) && r.participantIds.length)
					this.about.set(r.id, r.participantIds as string[]);
				const about = this.about.get(r.id) ?? [];
				return this.days.has(r.followAlongId as string) || about.some((p) => this.purged.has(p));
			}
			case 'interviews':
			case 'namedPlaces': {
				// A stored row seals `participantId`: remembered from the record as it passed.
				if (typeof r.participantId === 'string') this.about.set(r.id, [r.participantId]);
				return (this.about.get(r.id) ?? []).some((p) => this.purged.has(p));
			}
			default:
				return false;
		}
	}
}

/**
 * The ids, table by table, of the records in `records` that belong to a purged participant.
 * `purgedDays` are follow-along ids already known to be theirs (for parts that come without
 * their day). Days are read first, so their parts are caught whatever the order.
 */
export function recordsOfPurged(
	records: Readonly<Record<string, readonly AnyRecord[] | undefined>>,
	purged: ReadonlySet<string>,
	purgedDays: ReadonlySet<string> = new Set()
): Record<(typeof PARTICIPANT_TABLES)[number], Set<string>> {
	const check = new PurgeCheck(purged, purgedDays);
	const ids = (table: (typeof PARTICIPANT_TABLES)[number]) =>
		new Set((records[table] ?? []).filter((r) => check.belongs(table, r)).map((r) => r.id));
	const followAlongs = ids('followAlongs');
	return {
		participants: ids('participants'),
		followAlongs,
		stops: ids('stops'),
		fixChunks: ids('fixChunks'),
		notes: ids('notes'),
		interviews: ids('interviews'),
		namedPlaces: ids('namedPlaces')
	};
}

/** The records without those of purged participants, and how many were left out. */
export function withoutPurged<T extends AnyRecord>(
	records: Readonly<Record<string, readonly T[] | undefined>>,
	purged: ReadonlySet<string>
): { records: Record<string, T[]>; leftOut: number } {
	const out: Record<string, T[]> = {};
	let leftOut = 0;
	const drop = recordsOfPurged(records, purged) as Record<string, Set<string>>;
	for (const [table, rows] of Object.entries(records)) {
		if (!rows) continue;
		const gone = drop[table];
		out[table] = gone ? rows.filter((r) => !gone.has(r.id)) : [...rows];
		leftOut += rows.length - out[table]!.length;
	}
	return { records: out, leftOut };
}
