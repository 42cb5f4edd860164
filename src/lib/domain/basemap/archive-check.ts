import { bytesToHeader, type Header } from 'pmtiles';
import { z } from 'zod';
import { HEADER_BYTES } from './pmtiles-writer';
import { coveredNeighbourhoods, type Bbox } from './tiles';
import type { NeighbourhoodKey } from '../neighbourhoods/keys';

/**
 * Whether a file is an offline map the app can use, checked before anything is stored: a
 * PMTiles v3 archive of vector tiles in one of the two basemap schemas the bundled styles draw,
 * whole (no section runs past the end of the file), over at least one of the three
 * neighbourhoods, and under the cap.
 */

/** The largest map file the app stores: a city extract to zoom 15 is 20–60 MB. */
export const IMPORT_CAP_BYTES = 300 * 1024 * 1024;

export type ArchiveProblem =
	| 'too-big'
	| 'not-pmtiles'
	| 'version'
	| 'raster'
	| 'not-vector'
	| 'truncated'
	| 'no-cover'
	| 'unknown-layers'
	| 'unreadable';

export class ArchiveError extends Error {
	override readonly name = 'ArchiveError';
	constructor(
		readonly problem: ArchiveProblem,
		detail = ''
	) {
		super(`Not a usable offline map (${problem})${detail ? `: ${detail}` : ''}`);
	}
}

const MAGIC = [0x50, 0x4d, 0x54, 0x69, 0x6c, 0x65, 0x73]; // "PMTiles"

export interface CheckedHeader {
	header: Header;
	bounds: Bbox;
	covers: NeighbourhoodKey[];
}

/** Checks the first 127 bytes of a file of `fileSize` bytes; throws an ArchiveError. */
export function checkHeader(
	bytes: Uint8Array,
	fileSize: number,
	cap = IMPORT_CAP_BYTES
): CheckedHeader {
	if (fileSize > cap) throw new ArchiveError('too-big', `${fileSize} bytes`);
	if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
		// Version 2 archives began with "PM" and a version byte, not the word.
		if (bytes[0] === 0x50 && bytes[1] === 0x4d && bytes[2] === 2) throw new ArchiveError('version');
		throw new ArchiveError('not-pmtiles');
	}
	if (bytes[7] !== 3) throw new ArchiveError('version', `version ${bytes[7]}`);
	const copy = bytes.slice(0, HEADER_BYTES);
	const header = bytesToHeader(copy.buffer);
	if (header.tileType >= 2 && header.tileType <= 5) throw new ArchiveError('raster');
	if (header.tileType !== 1) throw new ArchiveError('not-vector', `tile type ${header.tileType}`);
	const ends = [
		header.rootDirectoryOffset + header.rootDirectoryLength,
		header.jsonMetadataOffset + header.jsonMetadataLength,
		header.leafDirectoryOffset + (header.leafDirectoryLength ?? 0),
		header.tileDataOffset + (header.tileDataLength ?? 0)
	];
	if (Math.max(...ends) > fileSize)
		throw new ArchiveError('truncated', `${fileSize} of ${Math.max(...ends)} bytes`);
	const bounds: Bbox = [header.minLon, header.minLat, header.maxLon, header.maxLat];
	const covers = coveredNeighbourhoods(bounds);
	if (covers.length === 0) throw new ArchiveError('no-cover', bounds.join(','));
	return { header, bounds, covers };
}

/** The two vector schemas with a bundled style: Protomaps' basemap and OpenMapTiles. */
export type BasemapSchema = 'protomaps' | 'openmaptiles';

const Metadata = z
	.object({
		name: z.string().optional(),
		description: z.string().optional(),
		attribution: z.string().optional(),
		vector_layers: z.array(z.object({ id: z.string() }).loose()).optional(),
		'planetiler:osm:osmosisreplicationtime': z.string().optional(),
		'stedsans:data-date': z.string().optional()
	})
	.loose();

export interface ArchiveInfo {
	schema: BasemapSchema;
	name: string;
	attribution: string;
	/** When the map data was taken from OpenStreetMap, if the archive says (ms since 1970). */
	dataDate: number | null;
}

export function schemaOf(layerIds: string[]): BasemapSchema | null {
	const has = (id: string) => layerIds.includes(id);
	if (has('roads') && (has('earth') || has('places') || has('water'))) return 'protomaps';
	if (has('transportation') || (has('water') && has('place'))) return 'openmaptiles';
	return null;
}

/** Reads the archive's JSON metadata: which schema, its name, attribution and data date. */
export function checkMetadata(json: unknown): ArchiveInfo {
	const parsed = Metadata.safeParse(json);
	if (!parsed.success) throw new ArchiveError('unreadable', 'metadata');
	const meta = parsed.data;
	const schema = schemaOf((meta.vector_layers ?? []).map((l) => l.id));
	if (!schema) throw new ArchiveError('unknown-layers');
	const date = Date.parse(
		meta['stedsans:data-date'] ?? meta['planetiler:osm:osmosisreplicationtime'] ?? ''
	);
	return {
		schema,
		name: meta.name ?? meta.description ?? '',
		// Attribution in archives is HTML (links); only its text is kept.
		attribution: (meta.attribution ?? '').replace(/<[^>]*>/g, '').trim(),
		dataDate: Number.isNaN(date) ? null : date
	};
}
