import { noiseKey, SavedHeatmapContent } from '$lib/domain/heatmap/saved';
import type { StoredNoise } from '$lib/domain/heatmap/schema';
import { defineRepository, type EntityOf } from './repository';
import { db } from './workspace';

/**
 * Saved heatmaps (the noise of differentially private maps). `refined`: the key must match the
 * noise it names. Indexed by that key only (metric, resolution, ε, Δ: nothing about anyone).
 */
export const heatmapsRepo = defineRepository({
	table: 'heatmaps',
	content: SavedHeatmapContent,
	version: 1,
	refined: true,
	index: (c) => ({ key: c.key })
});
export type SavedHeatmap = EntityOf<typeof SavedHeatmapContent>;

/** The live saved noise for a combination, if a map with it was computed before. */
export async function savedNoise(key: string): Promise<SavedHeatmap | undefined> {
	const rows = await db().heatmaps.where('key').equals(key).toArray();
	const live = rows.filter((r) => r.deletedAt === null).sort((a, b) => a.createdAt - b.createdAt);
	return live[0] ? heatmapsRepo.fromRow(live[0]) : undefined;
}

/** Keeps the noise a map used (the stored draws plus any new ones), creating the record once. */
export async function saveNoise(noise: StoredNoise, now = Date.now()): Promise<SavedHeatmap> {
	const key = noiseKey(noise);
	const existing = await savedNoise(key);
	if (existing) return heatmapsRepo.update(existing.id, { key, noise, computedAt: now });
	return heatmapsRepo.create({ key, noise, computedAt: now }, { now });
}
