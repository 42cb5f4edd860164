import { z } from 'zod';
import { schemaOf, type BasemapSchema } from '$lib/domain/basemap/archive-check';
import { DOWNLOAD_CAP, planDownload, type DownloadPlan } from '$lib/domain/basemap/estimate';
import { Compression, TileType, writeArchive } from '$lib/domain/basemap/pmtiles-writer';
import { downloadTerms } from '$lib/domain/basemap/terms';
import {
	FIELD_ZOOMS,
	fieldArea,
	tilesOf,
	type Bbox,
	type TileKey
} from '$lib/domain/basemap/tiles';
import {
	clearStaged,
	deleteMeta,
	getMeta,
	setMeta,
	stagedKeys,
	stagedTiles,
	stageTiles
} from '$lib/db/basemap.store';
import { checkArchive, storeArchive, type StoredMap } from './basemap.service';

/**
 * "Download the field area": every tile of the three neighbourhoods' extent (plus a margin) from
 * the configured vector basemap, when its terms allow it. Tiles are kept by z/x/y in IndexedDB
 * as they arrive, so a download stopped by a reload goes on where it was; once all are in, they
 * are written into one PMTiles archive and stored exactly as an imported map is.
 */

export type DownloadProblem =
	'terms' | 'osm' | 'source' | 'unknown-layers' | 'over-cap' | 'network';

export class DownloadError extends Error {
	override readonly name = 'DownloadError';
	constructor(
		readonly problem: DownloadProblem,
		detail = ''
	) {
		super(`The field area could not be downloaded (${problem})${detail ? `: ${detail}` : ''}`);
	}
}

export interface DownloadJob {
	styleUrl: string;
	tiles: string[];
	scheme: 'xyz' | 'tms';
	sourceName: string;
	attribution: string;
	schema: BasemapSchema;
	layerIds: string[];
	area: Bbox;
	plan: DownloadPlan;
}

export interface DownloadProgress {
	done: number;
	total: number;
	bytes: number;
}

const TileJson = z
	.object({
		tiles: z.array(z.string()).min(1).optional(),
		url: z.string().optional(),
		minzoom: z.number().optional(),
		maxzoom: z.number().optional(),
		scheme: z.enum(['xyz', 'tms']).optional(),
		attribution: z.string().optional(),
		name: z.string().optional(),
		vector_layers: z.array(z.object({ id: z.string() }).loose()).optional()
	})
	.loose();
const Style = z
	.object({
		sources: z.record(z.string(), z.object({ type: z.string() }).loose()),
		layers: z.array(z.object({ source: z.string().optional() }).loose()).default([])
	})
	.loose();

type FetchJson = (url: string) => Promise<unknown>;
const fetchJson: FetchJson = async (url) => {
	const res = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
	if (!res.ok) throw new DownloadError('source', `${url}: ${res.status}`);
	return res.json();
};

/** Reads the basemap's style and TileJSON: what would be fetched, and how much. */
export async function prepareDownload(
	styleUrl: string,
	get: FetchJson = fetchJson
): Promise<DownloadJob> {
	const terms = downloadTerms(styleUrl);
	if (!terms.ok) throw new DownloadError(terms.reason);
	const style = Style.safeParse(await get(styleUrl));
	if (!style.success) throw new DownloadError('source', 'style');
	const entry = Object.entries(style.data.sources).find(([, s]) => s.type === 'vector');
	if (!entry) throw new DownloadError('source', 'no vector source');
	const [id, raw] = entry;
	const inline = TileJson.parse(raw);
	const tileJsonUrl = inline.url ? new URL(inline.url, styleUrl).href : styleUrl;
	const tj = inline.url
		? TileJson.safeParse(await get(tileJsonUrl))
		: { success: true as const, data: inline };
	if (!tj.success || !tj.data.tiles) throw new DownloadError('source', 'TileJSON');
	const tiles = tj.data.tiles.map((t) =>
		new URL(t, tileJsonUrl).href.replace(/%7B/g, '{').replace(/%7D/g, '}')
	);
	for (const t of tiles) {
		const check = downloadTerms(t);
		if (!check.ok) throw new DownloadError(check.reason);
	}
	const layerIds = [
		...new Set([
			...(tj.data.vector_layers ?? []).map((l) => l.id),
			...style.data.layers
				.filter((l) => l.source === id)
				.map((l) => String(l['source-layer'] ?? ''))
		])
	].filter(Boolean);
	const schema = schemaOf(layerIds);
	if (!schema) throw new DownloadError('unknown-layers');
	const area = fieldArea();
	return {
		styleUrl,
		tiles,
		scheme: tj.data.scheme ?? 'xyz',
		sourceName: tj.data.name ? `${terms.name} (${tj.data.name})` : terms.name,
		attribution: (tj.data.attribution ?? '').replace(/<[^>]*>/g, '').trim(),
		schema,
		layerIds,
		area,
		plan: planDownload(area, FIELD_ZOOMS, tj.data)
	};
}

const JOB = 'download';

/** A download that was going on when the app was closed or reloaded. */
export async function unfinishedDownload(): Promise<{ job: DownloadJob; done: number } | null> {
	const job = await getMeta<DownloadJob>(JOB);
	return job ? { job, done: (await stagedKeys()).size } : null;
}

/** Stops for good: the tiles fetched so far are dropped. */
export async function discardDownload(): Promise<void> {
	await clearStaged();
	await deleteMeta(JOB);
}

const keyOf = (t: TileKey) => `${t.z}/${t.x}/${t.y}`;

export type FetchTile = (url: string, signal: AbortSignal) => Promise<Uint8Array | null>;

const fetchTile: FetchTile = async (url, signal) => {
	for (let attempt = 0; ; attempt++) {
		try {
			const res = await fetch(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
			if (res.status === 204 || res.status === 404) return null;
			if (!res.ok) throw new DownloadError('network', `${res.status}`);
			return new Uint8Array(await res.arrayBuffer());
		} catch (e) {
			if (signal.aborted || attempt >= 2) throw e;
		}
	}
};

async function gzip(data: Uint8Array): Promise<Uint8Array> {
	// Already gzipped (a server that sends .pbf without Content-Encoding).
	if (data[0] === 0x1f && data[1] === 0x8b) return data;
	const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

function tileUrl(job: DownloadJob, t: TileKey, i: number): string {
	const y = job.scheme === 'tms' ? 2 ** t.z - 1 - t.y : t.y;
	return job.tiles[i % job.tiles.length]!.replace('{z}', String(t.z))
		.replace('{x}', String(t.x))
		.replace('{y}', String(y));
}

/**
 * Fetches the tiles not yet in, four at a time, then writes and stores the archive. Aborting
 * keeps what came (a later call resumes); the cap stops a source far denser than estimated.
 */
export async function runDownload(
	job: DownloadJob,
	options: { signal: AbortSignal; onProgress?: (p: DownloadProgress) => void; fetch?: FetchTile }
): Promise<StoredMap> {
	const get = options.fetch ?? fetchTile;
	if (job.plan.overCap) throw new DownloadError('over-cap');
	// Tiles left from another source (or a cancelled run) are not this download's.
	const prior = await getMeta<DownloadJob>(JOB);
	if (prior?.tiles.join() !== job.tiles.join()) await clearStaged();
	await setMeta(JOB, job);
	const have = await stagedKeys();
	let bytes = (await stagedTiles()).reduce((n, t) => n + t.data.length, 0);
	const todo = [...tilesOf(job.area, job.plan.minZoom, job.plan.maxZoom)].filter(
		(t) => !have.has(keyOf(t))
	);
	let done = job.plan.tiles - todo.length;
	options.onProgress?.({ done, total: job.plan.tiles, bytes });
	let next = 0;
	const worker = async () => {
		while (next < todo.length) {
			options.signal.throwIfAborted();
			const t = todo[next++]!;
			const raw = await get(tileUrl(job, t, next), options.signal);
			const data = raw && raw.length ? await gzip(raw) : new Uint8Array();
			options.signal.throwIfAborted();
			await stageTiles([{ key: keyOf(t), ...t, data }]);
			done++;
			bytes += data.length;
			if (bytes > DOWNLOAD_CAP.bytes) throw new DownloadError('over-cap');
			options.onProgress?.({ done, total: job.plan.tiles, bytes });
		}
	};
	await Promise.all([worker(), worker(), worker(), worker()]);
	return finish(job);
}

async function finish(job: DownloadJob): Promise<StoredMap> {
	const tiles = (await stagedTiles()).filter((t) => t.data.length > 0);
	const parts = writeArchive(tiles, {
		tileCompression: Compression.Gzip,
		tileType: TileType.Mvt,
		bounds: job.area,
		minZoom: job.plan.minZoom,
		maxZoom: job.plan.maxZoom,
		metadata: {
			name: job.sourceName,
			attribution: job.attribution,
			vector_layers: job.layerIds.map((id) => ({ id, fields: {} })),
			// The host serves current data: the day of the download dates it.
			'stedsans:data-date': new Date().toISOString()
		}
	});
	const blob = new Blob(parts as BlobPart[], { type: 'application/vnd.pmtiles' });
	const checked = await checkArchive(blob, 'download', job.sourceName);
	const map = await storeArchive(blob, { ...checked, source: job.sourceName });
	await discardDownload();
	return map;
}
