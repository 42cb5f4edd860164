import { tileCounts, type Bbox } from './tiles';

/**
 * What a download of an area will cost, before it starts. Typical sizes of one gzipped vector
 * tile of a dense European city centre in the OpenMapTiles and Protomaps schemas (the low zooms
 * hold a whole region in one tile); once tiles arrive, the real mean replaces these.
 */
const TYPICAL_TILE_BYTES: Record<number, number> = {
	10: 120_000,
	11: 100_000,
	12: 80_000,
	13: 60_000,
	14: 50_000,
	15: 30_000,
	16: 20_000
};

/** At most this many tiles or bytes in one download: a field area needs a few hundred tiles. */
export const DOWNLOAD_CAP = { tiles: 5_000, bytes: 150 * 1024 * 1024 } as const;

export interface DownloadPlan {
	minZoom: number;
	maxZoom: number;
	tiles: number;
	bytes: number;
	overCap: boolean;
}

/** The zooms a source can give (its maxzoom caps ours: MapLibre draws deeper zooms from it). */
export function planDownload(
	area: Bbox,
	zooms: { min: number; max: number },
	source: { minzoom?: number; maxzoom?: number }
): DownloadPlan {
	const minZoom = Math.max(zooms.min, source.minzoom ?? 0);
	const maxZoom = Math.min(zooms.max, source.maxzoom ?? zooms.max);
	const counts = minZoom <= maxZoom ? tileCounts(area, minZoom, maxZoom) : [];
	const tiles = counts.reduce((a, b) => a + b, 0);
	const bytes = counts.reduce(
		(sum, n, i) => sum + n * (TYPICAL_TILE_BYTES[minZoom + i] ?? 20_000),
		0
	);
	return {
		minZoom,
		maxZoom,
		tiles,
		bytes,
		overCap: tiles > DOWNLOAD_CAP.tiles || bytes > DOWNLOAD_CAP.bytes
	};
}

/** The estimate once some tiles are in: their mean size for the rest. */
export function remainingBytes(plan: DownloadPlan, done: number, bytesSoFar: number): number {
	if (done === 0) return plan.bytes;
	return Math.round(bytesSoFar + ((plan.tiles - done) * bytesSoFar) / done);
}
