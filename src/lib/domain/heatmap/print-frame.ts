import { cellPolygon } from '../geo/cells';
import { polygonsOf, type AreaGeometry } from '../neighbourhoods/geometry';

/*
 * Where a print export's map goes on the page, and which part of the world it shows: Web
 * Mercator (as every web map, so a basemap raster lines up), fitted around the neighbourhood
 * outlines and every cell drawn, with a margin, so nothing is cut at the edge.
 */

/** The page's width in points: 180 mm, a two-column figure. */
export const PAGE_WIDTH = 510;
export const PAGE_MARGIN = 20;
const R = 6_378_137;

const mercX = (lon: number) => (lon * Math.PI) / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const lonOf = (x: number) => (x * 180) / Math.PI;
const latOf = (y: number) => (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;

export interface PrintFrame {
	/** The map's box on the page, in points. */
	x: number;
	y: number;
	width: number;
	height: number;
	/** What the box shows: [west, south, east, north] in degrees. */
	bbox: [number, number, number, number];
	/** Page position of a [lon, lat] point. */
	project: (lon: number, lat: number) => [number, number];
	/** Metres on the ground per point on the page, at the map's centre. */
	metresPerPoint: number;
}

/** Fits the outlines and cells into a frame of the page's width starting at `top`. */
export function printFrame(
	outlines: readonly AreaGeometry[],
	cells: readonly string[],
	top: number
): PrintFrame {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	const add = (lon: number, lat: number) => {
		minX = Math.min(minX, mercX(lon));
		maxX = Math.max(maxX, mercX(lon));
		minY = Math.min(minY, mercY(lat));
		maxY = Math.max(maxY, mercY(lat));
	};
	for (const o of outlines)
		for (const poly of polygonsOf(o))
			for (const ring of poly) for (const [lon, lat] of ring) add(lon!, lat!);
	for (const c of cells) for (const [lon, lat] of cellPolygon(c)) add(lon!, lat!);
	const padX = (maxX - minX) * 0.05;
	const padY = (maxY - minY) * 0.05;
	[minX, maxX, minY, maxY] = [minX - padX, maxX + padX, minY - padY, maxY + padY];
	const width = PAGE_WIDTH - 2 * PAGE_MARGIN;
	const aspect = (maxY - minY) / (maxX - minX);
	const height = Math.round(width * Math.min(1.25, Math.max(0.5, aspect)));
	const scale = Math.min(width / (maxX - minX), height / (maxY - minY));
	const cx = (minX + maxX) / 2;
	const cy = (minY + maxY) / 2;
	const [west, east] = [cx - width / 2 / scale, cx + width / 2 / scale];
	const [south, north] = [cy - height / 2 / scale, cy + height / 2 / scale];
	const x0 = PAGE_MARGIN;
	return {
		x: x0,
		y: top,
		width,
		height,
		bbox: [lonOf(west), latOf(south), lonOf(east), latOf(north)],
		project: (lon, lat) => [x0 + (mercX(lon) - west) * scale, top + (north - mercY(lat)) * scale],
		metresPerPoint: (R * Math.cos(latOf(cy) * (Math.PI / 180))) / scale
	};
}

/** A round length for a scale bar about a quarter of the frame wide. */
export function scaleBarMetres(frame: PrintFrame): number {
	const target = (frame.width / 4) * frame.metresPerPoint;
	const nice = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000];
	return nice.filter((n) => n <= target).at(-1) ?? nice[0]!;
}
