import { buildPackage, type PackageRecord } from '$lib/domain/exchange/package';
import { copenhagenDayKey } from '$lib/domain/format/datetime';
import { fold } from '$lib/domain/text/fold';
import type { Row } from '$lib/db/db';
import { getProfile } from '$lib/db/ethnographers.repo';
import { indexKeys } from '$lib/db/index-key';
import { currentKind, db, identity } from '$lib/db/workspace';
import {
	ALWAYS_SENT,
	EXCHANGE_TABLES,
	repoOf,
	type ExchangeTable
} from './exchange-tables.service';
import {
	protectFile,
	type Protection,
	type ProtectOptions
} from '$lib/features/export/export-protection.service';
import type { ExportRecords } from '$lib/features/export/export-scan.service';

/** What the maker chose to send besides the glossary and codebook, which always go. */
export interface ExportChoice {
	/** Notes observed in this range (inclusive, ms); null sends no notes. */
	notes: { from: number | null; to: number | null } | null;
	/** The whole participants register, with their interviews and named places. */
	participants: boolean;
	/** Follow-alongs, each with its stops and track. */
	followAlongIds: readonly string[];
}

export type TableCounts = Record<ExchangeTable, number>;

export interface ExportSelection {
	rows: Record<ExchangeTable, Row[]>;
	/** Records sent because a chosen record refers to them, not because they were chosen. */
	pulledIn: { participants: number; followAlongs: number };
}

const empty = () =>
	Object.fromEntries(EXCHANGE_TABLES.map((t) => [t, [] as Row[]])) as Record<ExchangeTable, Row[]>;

/**
 * The rows a package will hold. Tombstones go too, so deletions reach the other device. What a
 * chosen note or follow-along refers to (its participant, the follow-along a note was written
 * on) is pulled in, because a package must be self-contained up to what the importer holds.
 */
export async function selectForExport(choice: ExportChoice): Promise<ExportSelection> {
	const d = db();
	const rows = empty();
	for (const table of ALWAYS_SENT) rows[table] = await d.recordTable(table).toArray();

	let liveNotes: Record<string, unknown>[] = [];
	if (choice.notes) {
		// When a note was observed is sealed: every note is opened and the range applied after.
		const { from, to } = choice.notes;
		const all = await d.notes.toArray();
		const notes = await repoOf('notes').fromRows(all);
		const chosen = notes.map((n) => {
			const at = n.observedAt as number;
			return at >= (from ?? -Infinity) && at <= (to ?? Infinity);
		});
		rows.notes = all.filter((_, i) => chosen[i]);
		liveNotes = notes.filter((n, i) => chosen[i] && n.deletedAt === null);
	}

	const followIds = new Set(choice.followAlongIds);
	const chosenFollow = followIds.size;
	for (const n of liveNotes)
		if (typeof n.followAlongId === 'string') followIds.add(n.followAlongId);
	rows.followAlongs = (await d.followAlongs.bulkGet([...followIds])).filter((r) => r !== undefined);
	const ids = rows.followAlongs.map((r) => r.id);
	rows.stops = await d.stops.where('followAlongId').anyOf(indexKeys(ids)).toArray();
	rows.fixChunks = await d.fixChunks.where('followAlongId').anyOf(indexKeys(ids)).toArray();

	const participantIds = new Set<string>();
	for (const n of liveNotes) for (const id of n.participantIds as string[]) participantIds.add(id);
	for (const day of await repoOf('followAlongs').live(rows.followAlongs))
		if (typeof day.participantId === 'string') participantIds.add(day.participantId);
	let pulledParticipants = 0;
	if (choice.participants) {
		// Interviews and named places belong to the register: they go with it, whole.
		rows.participants = await d.participants.toArray();
		rows.interviews = await d.interviews.toArray();
		rows.namedPlaces = await d.namedPlaces.toArray();
	} else {
		rows.participants = (await d.participants.bulkGet([...participantIds])).filter(
			(r) => r !== undefined
		);
		pulledParticipants = rows.participants.length;
	}
	return {
		rows,
		pulledIn: {
			participants: pulledParticipants,
			followAlongs: Math.max(0, rows.followAlongs.length - chosenFollow)
		}
	};
}

export function countRows(rows: Record<ExchangeTable, Row[]>): TableCounts {
	return Object.fromEntries(EXCHANGE_TABLES.map((t) => [t, rows[t].length])) as TableCounts;
}

/** A file name that says whose package it is and from when, in plain ASCII. */
export function packageFilename(displayName: string, now: number): string {
	const who = fold(displayName)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 30);
	return `stedsans-team-${copenhagenDayKey(now)}${who ? `-${who}` : ''}.json`;
}

/** A package built in memory: what it holds (for the scan before export) and its JSON text. */
export interface TeamPackageFile {
	filename: string;
	text: string;
	counts: TableCounts;
	records: ExportRecords;
}

/** The name a package is signed with: the profile's, or the fallback when none is set. */
export async function makerName(fallback: string): Promise<string> {
	return ((await getProfile())?.displayName || fallback).trim().slice(0, 60) || fallback;
}

/** Writes the package: the chosen records as JSON carries them, with who and which device made it. */
export async function buildTeamPackage(
	choice: ExportChoice,
	fallbackName: string,
	now = Date.now()
): Promise<TeamPackageFile> {
	const { rows } = await selectForExport(choice);
	const records: Record<string, PackageRecord[]> = {};
	for (const table of EXCHANGE_TABLES) {
		if (!ALWAYS_SENT.includes(table) && rows[table].length === 0) continue;
		const repo = repoOf(table);
		const entities = await repo.fromRows(rows[table]);
		records[table] = entities.map(
			(e) => ({ ...repo.toJson(e), v: repo.def.version }) as PackageRecord
		);
	}
	const name = await makerName(fallbackName);
	const pkg = buildPackage({
		madeBy: { ...identity(), displayName: name },
		madeAt: now,
		appVersion: __APP_VERSION__,
		workspace: currentKind() ?? 'main',
		records
	});
	return {
		filename: packageFilename(name, now),
		text: JSON.stringify(pkg),
		counts: countRows(rows),
		records: pkg.records as ExportRecords
	};
}

/** The package file: encrypted with the team key or a passphrase, or plaintext when confirmed. */
export async function sealTeamPackage(
	file: TeamPackageFile,
	protection: Protection,
	options: ProtectOptions = {}
): Promise<{ filename: string; text: string; encrypted: boolean }> {
	const plain = protection.kind === 'plaintext';
	return {
		filename: plain ? file.filename : file.filename.replace(/\.json$/, '.stedsans'),
		text: await protectFile(file.text, 'team-package', protection, options),
		encrypted: !plain
	};
}
