import { z } from 'zod';

export const Position = z
	.array(z.number())
	.min(2)
	.max(4)
	.refine(
		([lon, lat]) => Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90,
		'coordinates out of range (longitude ±180, latitude ±90)'
	);
const Ring = z
	.array(Position)
	.min(4, 'a ring needs at least 4 positions')
	.refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], 'a ring must be closed');

export const PolygonGeometry = z.object({
	type: z.literal('Polygon'),
	coordinates: z.array(Ring).min(1)
});
export const MultiPolygonGeometry = z.object({
	type: z.literal('MultiPolygon'),
	coordinates: z.array(z.array(Ring).min(1)).min(1)
});
export const AreaGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/** The polygons of an area geometry, each as its list of rings. */
export function polygonsOf(g: AreaGeometry): number[][][][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(g: AreaGeometry): [number, number, number, number] {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const poly of polygonsOf(g))
		for (const [x, y] of poly[0]!) {
			if (x! < minX) minX = x!;
			if (y! < minY) minY = y!;
			if (x! > maxX) maxX = x!;
			if (y! > maxY) maxY = y!;
		}
	return [minX, minY, maxX, maxY];
}
