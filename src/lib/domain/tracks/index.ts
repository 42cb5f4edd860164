/**
 * Follow-along tracks: fixes, their columnar storage, live filtering, GPX import and export,
 * stop detection, replay timeline, day summary and sketched routes. Pure: no DOM, Dexie or
 * Svelte. The shape shared by all of it is `Track` (see track.ts).
 */
export * from './fix';
export * from './geo';
export * from './track';
export * from './chunks';
export * from './filter';
export * from './gpx';
export * from './gpx-export';
export * from './stops';
export * from './timeline';
export * from './summary';
export * from './sketch';
export * from './synthetic';
