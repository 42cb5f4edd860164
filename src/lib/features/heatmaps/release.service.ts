import type { ReleaseContent, ReleaseFiles } from '$lib/domain/heatmap/release-record';
import type { ReleaseStatement } from '$lib/domain/heatmap/release-schema';
import { checkRelease, NotReleasable, type EarlierRelease } from '$lib/domain/heatmap/releases';
import { needsClearanceConfirmation } from '$lib/domain/heatmap/sensitive';
import type { HeatmapArea, HeatmapResult } from '$lib/domain/heatmap/schema';
import { listReleases, releasesRepo, type Release } from '$lib/db/releases.repo';

/*
 * Releases in the workspace: a computed map checked against every earlier release (this
 * workspace's and those from team packages) before it is shown or leaves, and recorded when it
 * leaves, with its files, so that the next map is checked against it too.
 */

export function asEarlier(r: Release): EarlierRelease {
	return {
		id: r.id,
		releasedAt: r.releasedAt,
		title: r.title,
		area: r.area,
		parameters: r.parameters,
		fingerprint: r.fingerprint,
		cells: r.cells,
		institutionCells: r.institutionCells,
		evidence: r.evidence,
		counts: r.counts,
		comparison: r.comparison
	};
}

/** What a release of this map would show now: the map checked against every release so far. */
export async function previewRelease(
	result: HeatmapResult,
	area: HeatmapArea
): Promise<ReleaseStatement> {
	if (!result.evidence) throw new Error('the map was computed without its evidence');
	const earlier = (await listReleases()).map(asEarlier);
	return checkRelease(result.maps[area], result.evidence, earlier);
}

export interface ReleaseMeta {
	title: string;
	releasedBy: string;
	locale: 'en' | 'da';
	releasedAt: number;
}

/** The files and the methods paragraph of a checked release, made by the caller. */
export type MakeFiles = (
	statement: ReleaseStatement,
	meta: ReleaseMeta
) => Promise<{ files: ReleaseFiles; methods: ReleaseContent['methods'] }>;

/**
 * Records a release: the map is checked again against the releases as they are at this moment
 * (another may have been recorded since the preview), its files are made from that statement,
 * and the whole is stored at once. Returns the stored release, whose files are what leaves.
 */
export async function publishRelease(
	result: HeatmapResult,
	area: HeatmapArea,
	meta: Omit<ReleaseMeta, 'releasedAt'>,
	makeFiles: MakeFiles,
	now = Date.now(),
	clearanceConfirmed = false
): Promise<Release> {
	// A map of where people sleep, buy or use leaves only after the worded confirmation.
	if (needsClearanceConfirmation(result.maps[area].report.parameters) && !clearanceConfirmed)
		throw new NotReleasable('a map of where people sleep, buy or use needs the confirmation');
	const statement = await previewRelease(result, area);
	const full = { ...meta, releasedAt: now };
	const { files, methods } = await makeFiles(statement, full);
	return releasesRepo.create({ ...statement, ...full, methods, files }, { now });
}

/** Every release, newest first (the Published maps list). */
export async function publishedReleases(): Promise<Release[]> {
	return (await listReleases()).reverse();
}

/** A release's file, exactly as it was released. */
export async function releasedFile(
	id: string,
	kind: keyof ReleaseFiles
): Promise<string | Uint8Array | null> {
	return (await releasesRepo.require(id)).files[kind];
}
