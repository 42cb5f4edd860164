import { refsFrom, type TableSpec } from '$lib/domain/exchange/package';
import type { RecordTable } from '$lib/db/db';
import { REPOSITORIES, type AnyRepository } from '$lib/db/registry';

/**
 * The tables a team package may hold, in the order they are written. Settings, boundaries and
 * anything to do with keys stay on the device (docs/team-exchange.md, "What is not exchanged").
 */
export const EXCHANGE_TABLES = [
	'ethnographers',
	'codes',
	'places',
	'placeRevisions',
	'participants',
	'followAlongs',
	'stops',
	'fixChunks',
	'notes',
	'interviews',
	'namedPlaces',
	'tombstones',
	'releases'
] as const satisfies readonly RecordTable[];
export type ExchangeTable = (typeof EXCHANGE_TABLES)[number];

/**
 * Always in a package: the glossary with its history, the codebook, and the team members, so
 * every "who changed this" on the other device has a name; the tombstones of purged participants,
 * so their records are purged there too and never sent back; and the releases, so every map the
 * team releases is checked against all of them.
 */
export const ALWAYS_SENT: readonly ExchangeTable[] = [
	'ethnographers',
	'codes',
	'places',
	'placeRevisions',
	'tombstones',
	'releases'
];

/** Which fields of a record point at which table: the import refuses references it cannot follow. */
const REFS: Record<ExchangeTable, Record<string, ExchangeTable>> = {
	ethnographers: {},
	codes: { parentId: 'codes', mergedInto: 'codes' },
	places: { mergedInto: 'places' },
	placeRevisions: { placeId: 'places' },
	participants: {},
	followAlongs: { participantId: 'participants', ethnographerIds: 'ethnographers' },
	stops: { followAlongId: 'followAlongs', placeId: 'places' },
	fixChunks: { followAlongId: 'followAlongs' },
	notes: {
		participantIds: 'participants',
		placeIds: 'places',
		codeIds: 'codes',
		followAlongId: 'followAlongs'
	},
	interviews: { participantId: 'participants', interviewerId: 'ethnographers' },
	// A named place's glossary place (`where.placeId`) is always there: the glossary always goes.
	namedPlaces: { participantId: 'participants', interviewId: 'interviews' },
	tombstones: {},
	releases: {}
};

export function refFields(table: ExchangeTable): Record<string, ExchangeTable> {
	return REFS[table];
}

/**
 * Whether "keep both" makes sense for a table's conflicts: two versions of a place, a code or a
 * note can live side by side; two versions of a person, a stop or a piece of track cannot.
 */
export const KEEP_BOTH: ReadonlySet<ExchangeTable> = new Set(['places', 'codes', 'notes']);

export function repoOf(table: ExchangeTable): AnyRepository {
	return REPOSITORIES[table];
}

/** What the package parser needs per table, taken from the repositories (one source of truth). */
export function exchangeSpecs(): Record<ExchangeTable, TableSpec> {
	return Object.fromEntries(
		EXCHANGE_TABLES.map((table) => {
			const def = repoOf(table).def;
			const spec: TableSpec = {
				// Content as JSON carries it (fix chunks as base64); refined schemas keep their cross-field rules.
				content: def.json?.schema ?? def.content,
				version: def.version,
				upgrade: def.upgrade,
				refs: refsFrom(REFS[table])
			};
			return [table, spec];
		})
	) as Record<ExchangeTable, TableSpec>;
}

export function isExchangeTable(table: string): table is ExchangeTable {
	return (EXCHANGE_TABLES as readonly string[]).includes(table);
}
