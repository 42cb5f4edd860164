import type { Map as MapLibreMap } from 'maplibre-gl';
import type { HeatLegend } from './heat-colours';

/**
 * The map as a picture: the WebGL canvas copied right after a frame is drawn (a WebGL canvas
 * without preserveDrawingBuffer is cleared once the frame is shown, so it is read inside the
 * 'render' event, https://maplibre.org/maplibre-gl-js/docs/API/classes/Map/#getcanvas), with a
 * panel below it for the title, the legend, the parameters, the date and the attribution.
 */

/**
 * Who made what the map shows, for an export: the attribution control's text (custom lines and
 * the sources on screen) and every source's own attribution (a stored offline map's "© OpenStreetMap
 * contributors · tiles: …"), each once, without markup.
 */
export function mapAttribution(map: MapLibreMap): string {
	const control =
		map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() ?? '';
	const sources = Object.values(map.getStyle()?.sources ?? {})
		.map((s) => ('attribution' in s && s.attribution ? s.attribution : ''))
		// As text: an inert document reads the markup and entities, and loads and runs nothing.
		.map((a) => new DOMParser().parseFromString(a, 'text/html').body.textContent?.trim() ?? '')
		.filter((a) => a && !control.includes(a));
	return [control, ...new Set(sources)].filter(Boolean).join(' | ');
}

export function snapshotMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
	return new Promise((resolve) => {
		map.once('render', () => {
			const source = map.getCanvas();
			const copy = document.createElement('canvas');
			copy.width = source.width;
			copy.height = source.height;
			copy.getContext('2d')!.drawImage(source, 0, 0);
			resolve(copy);
		});
		map.triggerRepaint();
	});
}

export interface ImagePanel {
	title: string;
	/** A red line above the title (one participant's map). */
	warning?: string;
	legendTitle: string;
	legend: HeatLegend;
	/** Formats a legend number (the user's locale). */
	format: (value: number) => string;
	classLabel: (from: string, to: string | null) => string;
	lines: string[];
	attribution: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const next = line ? `${line} ${word}` : word;
		if (line && ctx.measureText(next).width > width) {
			out.push(line);
			line = word;
		} else line = next;
	}
	if (line) out.push(line);
	return out;
}

/** The map with its panel, as a PNG. `scale` is the canvas's pixels per CSS pixel. */
export async function composeMapImage(
	mapCanvas: HTMLCanvasElement,
	panel: ImagePanel,
	scale = 1
): Promise<Blob> {
	const width = mapCanvas.width;
	const pad = 16 * scale;
	const text = (size: number, weight = 400) => `${weight} ${size * scale}px ${FONT}`;
	const measure = document.createElement('canvas').getContext('2d')!;
	measure.font = text(13);
	const wrapped = [...panel.lines, panel.attribution].flatMap((l) =>
		wrap(measure, l, width - 2 * pad)
	);
	const legendHeight = panel.legend.kind === 'classes' ? panel.legend.items.length * 22 + 4 : 22;
	const height =
		mapCanvas.height +
		pad * 2 +
		((panel.warning ? 22 : 0) + 26 + 20 + legendHeight + wrapped.length * 18) * scale;
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = Math.ceil(height);
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(mapCanvas, 0, 0);
	let y = mapCanvas.height + pad;
	ctx.textBaseline = 'top';
	if (panel.warning) {
		ctx.fillStyle = '#b3261e';
		ctx.font = text(15, 800);
		ctx.fillText(panel.warning, pad, y);
		y += 22 * scale;
	}
	ctx.fillStyle = '#1d2321';
	ctx.font = text(18, 700);
	ctx.fillText(panel.title, pad, y);
	y += 26 * scale;
	ctx.font = text(13, 600);
	ctx.fillText(panel.legendTitle, pad, y);
	y += 20 * scale;
	y = drawLegend(ctx, panel, pad, y, scale, text);
	ctx.fillStyle = '#4f5a56';
	ctx.font = text(13);
	for (const line of wrapped) {
		ctx.fillText(line, pad, y);
		y += 18 * scale;
	}
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(b) => (b ? resolve(b) : reject(new Error('the image could not be made'))),
			'image/png'
		)
	);
}

function drawLegend(
	ctx: CanvasRenderingContext2D,
	panel: ImagePanel,
	x: number,
	y: number,
	scale: number,
	text: (size: number, weight?: number) => string
): number {
	const legend = panel.legend;
	ctx.font = text(13);
	if (legend.kind === 'classes') {
		for (const item of legend.items) {
			ctx.fillStyle = item.colour;
			ctx.fillRect(x, y, 28 * scale, 16 * scale);
			ctx.fillStyle = '#1d2321';
			const to = item.to === null ? null : panel.format(item.to);
			ctx.fillText(panel.classLabel(panel.format(item.from), to), x + 36 * scale, y + 1 * scale);
			y += 22 * scale;
		}
		return y + 4 * scale;
	}
	return y + 22 * scale;
}
