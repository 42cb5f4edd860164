import { z } from 'zod';

/**
 * Where a position came from. `reconstructed` marks positions the researcher drew (a sketched
 * route), so replay and analysis can tell them apart from recorded ones.
 */
export const FIX_SOURCES = ['gps', 'imported', 'manual', 'reconstructed'] as const;
export const FixSource = z.enum(FIX_SOURCES);
export type FixSource = z.infer<typeof FixSource>;

/**
 * Sources as small integers for the `src` column (a Uint8Array). The codes are stored: append new
 * sources, never renumber. The high bit of the column is the gap flag (see `GAP_BEFORE`).
 */
export const SOURCE_CODE: Readonly<Record<FixSource, number>> = {
	gps: 0,
	imported: 1,
	manual: 2,
	reconstructed: 3
};

/** Bit set in the `src` column on the first fix after a gap: no line is drawn to it. */
export const GAP_BEFORE = 0x80;
/** The bits of the `src` column that hold the source code. */
export const SOURCE_MASK = 0x7f;

/** Accuracy when none was reported (GPX files, sketches, manual stops). */
export const ACC_UNKNOWN = 0;

export function sourceCode(src: FixSource): number {
	return SOURCE_CODE[src];
}

/** The source for a `src` column byte; the gap flag is ignored. Throws on an unknown code. */
export function sourceFromCode(code: number): FixSource {
	const src = FIX_SOURCES[code & SOURCE_MASK];
	if (src === undefined) throw new RangeError(`unknown fix source code ${code & SOURCE_MASK}`);
	return src;
}

/** True when a `src` column byte is a valid source code, with or without the gap flag. */
export function isValidSourceByte(byte: number): boolean {
	return (byte & ~(SOURCE_MASK | GAP_BEFORE)) === 0 && (byte & SOURCE_MASK) < FIX_SOURCES.length;
}

/**
 * One position at one moment.
 * - `t`: epoch milliseconds.
 * - `acc`: horizontal accuracy in metres, as the Geolocation API reports it (the radius of 95 %
 *   confidence, https://www.w3.org/TR/geolocation/#accuracy-attribute); `ACC_UNKNOWN` (0) when
 *   none was reported.
 * - `gapBefore`: the track has a gap right before this fix (no fixes came, the page was hidden,
 *   recording was paused, a new GPX segment began). A gap is never bridged with a line.
 */
export const Fix = z.object({
	t: z.number().finite().min(0).max(8.64e15),
	lat: z.number().min(-90).max(90),
	lon: z.number().min(-180).max(180),
	acc: z.number().finite().min(0),
	src: FixSource,
	gapBefore: z.boolean().optional()
});
export type Fix = z.infer<typeof Fix>;

/** A plain position, for inputs that need no time (sketch points, stop centroids). */
export interface LatLon {
	lat: number;
	lon: number;
}

export function isValidLatLon(lat: number, lon: number): boolean {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}
