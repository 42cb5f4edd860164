import { z } from 'zod';

/**
 * The schemas and constants of grid cells, kept apart from h3-js (about 95 KiB gzip) so the
 * first screen can validate records without loading it; `cells.ts` does the computing.
 */

/** H3 resolutions the app offers: 7 (≈1.4 km edge) to 10 (≈76 m edge). */
export const CellResolution = z.number().int().min(7).max(10);
export type CellResolution = z.infer<typeof CellResolution>;

export const DEFAULT_NOTE_RESOLUTION: CellResolution = 8;
export const DEFAULT_HEATMAP_RESOLUTION: CellResolution = 9;

/** An H3 cell index as h3-js writes it: 15 hex digits, mode 1 (cell) in the first one. */
export const CellId = z.string().regex(/^8[0-9a-f]{14}$/, 'not a valid H3 cell');

/** A coarse location: the cell, its centre and its resolution. Never the raw fix. */
export const CellLocation = z.object({
	cell: CellId,
	resolution: CellResolution,
	lat: z.number().min(-90).max(90),
	lon: z.number().min(-180).max(180)
});
export type CellLocation = z.infer<typeof CellLocation>;
