import {
	compareRev,
	planImport,
	type Conflict,
	type ExchangeRecord,
	type ImportPlan
} from '$lib/domain/exchange/merge';
import {
	MAX_PACKAGE_BYTES,
	parsePackage,
	type PackageHeader,
	type PackageParse,
	type PackageProblem,
	type PackageRecord
} from '$lib/domain/exchange/package';
import { PackageReader } from '$lib/domain/exchange/package-reader';
import { resolveConflict, type Resolution } from '$lib/domain/exchange/resolve';
import { PLACE_NAME_MAX } from '$lib/domain/places/place';
import { splitEntity } from '$lib/domain/records/record';
import type { Row } from '$lib/db/db';
import { currentKind, db } from '$lib/db/workspace';
import {
	EXCHANGE_TABLES,
	exchangeSpecs,
	isExchangeTable,
	KEEP_BOTH,
	repoOf,
	type ExchangeTable
} from './exchange-tables.service';
import type { ImportCounts } from './import-log.service';
import {
	envelopeLimit,
	openFile,
	type EnvelopeProblem
} from '$lib/features/export/export-protection.service';
import { planPurges, type PurgePlan } from '$lib/features/notes/tombstones.service';
import { purgedParticipants } from '$lib/db/tombstones.repo';
import type { KdfOptions } from '$lib/crypto';
import { ImportStop, streamRecords } from '$lib/features/export/import-stream.service';

/**
 * Reads the package as a stream (import-stream.service.ts): records are checked as they arrive,
 * and only the checked records are kept, never the file's text or a parsed copy of it whole.
 * An envelope of version 1 opens only whole, as before chunking.
 */
async function parseStreamed(
	file: Blob,
	bytes: number,
	unlock: { passphrase?: string; kdf?: KdfOptions },
	known: (table: string, id: string) => boolean
): Promise<PackageParse | { ok: false; problem: ReadProblem }> {
	const reader = new PackageReader(exchangeSpecs());
	const streamed = await streamRecords<ReadProblem>(file, 'team-package', unlock, {
		paths: PackageReader.PATHS,
		limit: MAX_PACKAGE_BYTES,
		tooLarge: (bytes) => ({ kind: 'too-large', bytes }),
		notJson: (detail) => ({ kind: 'not-json', detail }),
		field: (key, value) => reader.field(key, value),
		records: async (batch) => {
			for (const { table, index, value } of batch) {
				const problem = reader.record(table, index, value);
				if (problem) throw new ImportStop(problem);
			}
		}
	});
	if (streamed.ok === 'whole') {
		const opened = await openFile(await file.text(), 'team-package', unlock);
		if (!opened.ok) return opened;
		const size = opened.encrypted ? opened.text.length : bytes;
		return parsePackage(opened.text, size, exchangeSpecs(), known);
	}
	if (!streamed.ok) return streamed;
	return reader.finish(known);
}

/** The largest file an import reads: a package at its limit, encrypted. */
export const MAX_PACKAGE_FILE_BYTES = envelopeLimit(MAX_PACKAGE_BYTES);

export type ReadProblem = PackageProblem | EnvelopeProblem;

export interface ImportConflict {
	/** `table:id`, the key a resolution is given under. */
	key: string;
	table: ExchangeTable;
	conflict: Conflict;
	/** Whether "keep both" is offered (see KEEP_BOTH). */
	keepBoth: boolean;
}

export interface ImportPreview {
	header: PackageHeader;
	plans: Partial<Record<ExchangeTable, ImportPlan>>;
	conflicts: ImportConflict[];
	counts: ImportCounts;
	/** Names of the team members in the package, for "changed by" on records not seen here yet. */
	names: Map<string, string>;
	/** Records of purged participants: left out of the package, and deleted here (tombstones). */
	purges: Pick<PurgePlan<PackageRecord>, 'leftOut' | 'deleteHere'>;
}

export type ReadResult = { ok: true; preview: ImportPreview } | { ok: false; problem: ReadProblem };

/** A stored entity as a package carries it, so local and incoming compare like with like. */
async function asExchangeRecord(table: ExchangeTable, row: Row): Promise<ExchangeRecord> {
	const repo = repoOf(table);
	return {
		...repo.toJson(await repo.fromRow(row)),
		v: repo.def.version
	} as unknown as ExchangeRecord;
}

/** The local versions of the incoming records that this workspace holds (`known` are its ids). */
async function localFor(
	table: ExchangeTable,
	incoming: readonly PackageRecord[],
	known: ReadonlySet<string>
): Promise<Map<string, ExchangeRecord>> {
	const byId = new Map(incoming.filter((r) => known.has(r.id)).map((r) => [r.id, r]));
	const out = new Map<string, ExchangeRecord>();
	if (byId.size === 0) return out;
	const rows = db().recordTable(table);
	// IndexedDB answers one request per id in bulkGet; when the package touches a good part of the
	// table, reading the whole table in one getAll is several times faster.
	const found =
		byId.size * 4 >= known.size
			? await rows.toArray()
			: (await rows.bulkGet([...byId.keys()])).filter((r) => r !== undefined);
	await Promise.all(
		found.map(async (row) => {
			const inc = byId.get(row.id);
			if (!inc) return;
			// Only the metadata of a record the vectors alone decide about (one side strictly
			// newer): checking every stored record's content would cost more than the rest.
			const meta = await repoOf(table).metaOf(row);
			const order = compareRev(inc.rev, meta.rev ?? {});
			const needsContent = order === 'equal' || order === 'concurrent';
			out.set(row.id, needsContent ? await asExchangeRecord(table, row) : { ...meta, v: row.v });
		})
	);
	return out;
}

function countPlans(plans: ImportPreview['plans']): ImportCounts {
	const c: ImportCounts = {
		added: 0,
		updated: 0,
		deleted: 0,
		restored: 0,
		keptLocal: 0,
		same: 0,
		conflicts: 0
	};
	for (const plan of Object.values(plans))
		for (const d of plan.decisions) {
			if (d.kind === 'add') c.added++;
			else if (d.kind === 'keep-local') c.keptLocal++;
			else if (d.kind === 'same') c.same++;
			else if (d.kind === 'conflict') c.conflicts++;
			else if (d.effect === 'delete') c.deleted++;
			else if (d.effect === 'restore') c.restored++;
			else c.updated++;
		}
	return c;
}

/** Records of participants purged elsewhere are deleted here: counted with the deletions. */
function withPurges(c: ImportCounts, deleteHere: ReadonlyMap<string, string[]>): ImportCounts {
	let n = 0;
	for (const ids of deleteHere.values()) n += ids.length;
	return { ...c, deleted: c.deleted + n };
}

/**
 * Reads and checks a package and plans what importing it would do. Writes nothing: a package
 * with any problem is refused whole, and a good one waits for the user (and their choices on
 * conflicts) before `applyPackageImport` writes it.
 */
export async function readTeamPackage(
	input: Blob | string,
	bytes: number,
	unlock: { passphrase?: string; kdf?: KdfOptions } = {}
): Promise<ReadResult> {
	if (bytes > MAX_PACKAGE_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes } };
	const d = db();
	const keys = await Promise.all(
		EXCHANGE_TABLES.map((t) => d.recordTable(t).toCollection().primaryKeys())
	);
	const known = new Map<string, Set<string>>(EXCHANGE_TABLES.map((t, i) => [t, new Set(keys[i])]));
	// A purged participant is known (as a tombstone): a note about them is left out, not refused.
	for (const id of await purgedParticipants()) known.get('participants')!.add(id);
	const isKnown = (table: string, id: string) => Boolean(known.get(table)?.has(id));
	const file = typeof input === 'string' ? new Blob([input]) : input;
	// Reading, decrypting and checking now go together, chunk by chunk: the benchmark's "plan"
	// measure starts before them.
	performance.mark('stedsans:import:read');
	// An encrypted package opens with the team key from Settings, or with the passphrase given.
	const parsed = await parseStreamed(file, bytes, unlock, isKnown);
	if (!parsed.ok) return parsed;
	// Synthetic records must never feed a real workspace's maps, nor real ones the demo.
	const from = parsed.header.workspace;
	if (from !== (currentKind() ?? 'main'))
		return { ok: false, problem: { kind: 'other-workspace', file: from } };
	const purges = await planPurges(parsed.records);
	parsed.records = purges.records;

	const plans: ImportPreview['plans'] = {};
	const conflicts: ImportConflict[] = [];
	const tables = Object.keys(parsed.records).filter(isExchangeTable);
	// The tables are read side by side: IndexedDB serves them in parallel.
	const locals = await Promise.all(
		tables.map((t) => localFor(t, parsed.records[t]!, known.get(t)!))
	);
	for (const [i, table] of tables.entries()) {
		const plan = planImport(locals[i]!, parsed.records[table]!);
		plans[table] = plan;
		for (const conflict of plan.conflicts)
			conflicts.push({
				key: `${table}:${conflict.id}`,
				table,
				conflict,
				keepBoth: KEEP_BOTH.has(table)
			});
	}
	const names = new Map<string, string>();
	for (const e of parsed.records.ethnographers ?? [])
		if (typeof e.displayName === 'string' && e.displayName) names.set(e.id, e.displayName);
	performance.measure('stedsans:import:plan', 'stedsans:import:read');
	return {
		ok: true,
		preview: {
			header: parsed.header,
			plans,
			conflicts,
			counts: withPurges(countPlans(plans), purges.deleteHere),
			names,
			purges: { leftOut: purges.leftOut, deleteHere: purges.deleteHere }
		}
	};
}

export class UnresolvedConflictsError extends Error {
	override readonly name = 'UnresolvedConflictsError';
	constructor(readonly count: number) {
		super(`${count} conflicts are not settled`);
	}
}

export interface ResolveOptions {
	deviceId: string;
	authorId: string;
	now: number;
	/** The suffix that marks a kept-both copy, in the user's language, e.g. " (from Bo)". */
	copySuffix: string;
	/** Who made the package: a note kept both ways says where its other version came from. */
	from?: string;
}

/** The records a resolution writes, in JSON form, and the id of the copy when both are kept. */
export function resolveOne(
	item: ImportConflict,
	choice: Resolution,
	opts: ResolveOptions
): { writes: ExchangeRecord[]; copyId: string | null } {
	if (choice === 'both' && !item.keepBoth) throw new Error(`cannot keep both of ${item.table}`);
	const resolved = resolveConflict(item.conflict, choice, {
		deviceId: opts.deviceId,
		authorId: opts.authorId,
		now: opts.now,
		copySuffix: opts.copySuffix,
		maxNameLength: PLACE_NAME_MAX,
		// Codes have a label in two languages, not a name: both get the suffix, within 80 characters.
		markCopy:
			item.table === 'codes'
				? (copy) => {
						const label = copy.label as { en: string; da: string };
						const mark = (s: string) =>
							s ? s.slice(0, 80 - opts.copySuffix.length) + opts.copySuffix : s;
						return { ...copy, label: { en: mark(label.en), da: mark(label.da) } };
					}
				: undefined
	});
	const copy = resolved.copy;
	if (item.table === 'notes' && copy) {
		// Two notes with nothing saying they were a conflict would read as two observations:
		// each points at the other, and the copy says it is the copy.
		const from = (opts.from ?? '').slice(0, 60);
		const [original] = resolved.writes;
		const writes = [
			{ ...original!, conflict: { otherId: copy.id, copy: false, from } },
			{ ...copy, conflict: { otherId: original!.id, copy: true, from } }
		];
		return { writes, copyId: copy.id };
	}
	return { writes: resolved.writes, copyId: copy?.id ?? null };
}

/** Back from JSON form to the entity a repository writes (its `v` was checked when parsing). */
export function toEntity(table: ExchangeTable, record: ExchangeRecord): object {
	const { v: _v, ...rest } = record;
	const { meta, content } = splitEntity(rest);
	return repoOf(table).fromJson({ ...content, ...meta });
}
