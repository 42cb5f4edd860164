// The heatmap's public API. bench-data.ts and baselines.ts (which uses @turf/turf) are imported
// directly by benchmarks only, never through here, so the app never bundles Turf's barrel.
export { computeHeatmap } from './compute';
export { toGeoJson, type HeatCellProperties } from './geojson';
export { clearHeatmapCaches } from './cache';
export { DEFAULT_CONTRIBUTION_BOUND } from './noise';
export * from './schema';
