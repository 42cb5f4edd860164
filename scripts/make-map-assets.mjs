#!/usr/bin/env node
// Makes the offline map's glyphs and sprite, which the app bundles so a stored map needs nothing
// from outside (docs/offline-map.md). Run by hand when the fonts or icons change; the output in
// static/map/ is committed:
//  - static/map/fonts/<font>/<range>.pbf: signed-distance-field glyphs in MapLibre's glyph
//    protobuf (24 px, 3 px buffer, as fontnik makes them) for Noto Sans Regular, Medium and
//    Italic (@fontsource/noto-sans, OFL), for the ranges Danish and English labels use:
//    Latin-1, Latin Extended-A and general punctuation;
//  - static/map/sprite/basemap{,@2x}.{json,png}: the few icons the bundled styles draw.
// Glyphs are drawn by Chromium's canvas with TinySDF (the code MapLibre uses for local glyphs).
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PbfWriter } from 'pbf';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'static', 'map');
const fontFiles = join(root, 'node_modules', '@fontsource', 'noto-sans', 'files');
const tinySdf = readFileSync(join(root, 'node_modules', '@mapbox', 'tiny-sdf', 'index.js'), 'utf8');

export const FONTS = [
	{ dir: 'noto-sans-regular', name: 'Noto Sans Regular', weight: 400, style: 'normal' },
	{ dir: 'noto-sans-medium', name: 'Noto Sans Medium', weight: 500, style: 'normal' },
	{ dir: 'noto-sans-italic', name: 'Noto Sans Italic', weight: 400, style: 'italic' }
];
const RANGES = [0, 256, 8192];
const SUBSETS = {
	latin:
		'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
	'latin-ext':
		'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'
};

/** Code points a range draws: printable ones the Noto subsets hold (no control characters). */
function codePoints(start) {
	const cps = [];
	for (let cp = start; cp < start + 256; cp++) {
		if (cp < 32 || (cp >= 127 && cp < 160)) continue;
		if (start === 8192 && !(cp >= 0x2000 && cp <= 0x206f)) continue;
		cps.push(cp);
	}
	return cps;
}

function encodeRange(fontName, start, glyphs) {
	const pbf = new PbfWriter();
	pbf.writeMessage(1, (_, p) => {
		p.writeStringField(1, fontName);
		p.writeStringField(2, `${start}-${start + 255}`);
		for (const g of glyphs)
			p.writeMessage(3, (_, q) => {
				q.writeVarintField(1, g.id);
				if (g.bitmap.length) q.writeBytesField(2, Uint8Array.from(g.bitmap));
				q.writeVarintField(3, g.width);
				q.writeVarintField(4, g.height);
				q.writeSVarintField(5, g.left);
				q.writeSVarintField(6, g.top);
				q.writeVarintField(7, g.advance);
			});
	});
	return pbf.finish();
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.setContent('<!doctype html><body></body>');
await page.addScriptTag({
	content: tinySdf.replace('export default class', 'window.TinySDF = class')
});

for (const font of FONTS) {
	const faces = Object.entries(SUBSETS).map(([subset, range]) => ({
		data: readFileSync(
			join(fontFiles, `noto-sans-${subset}-${font.weight}-${font.style}.woff2`)
		).toString('base64'),
		range
	}));
	for (const start of RANGES) {
		const glyphs = await page.evaluate(
			async ({ faces, font, cps }) => {
				const family = `map-${font.dir}`;
				for (const f of faces) {
					const face = new FontFace(family, `url(data:font/woff2;base64,${f.data})`, {
						weight: String(font.weight),
						style: font.style,
						unicodeRange: f.range
					});
					document.fonts.add(await face.load());
				}
				const sdf = new window.TinySDF({
					fontSize: 24,
					buffer: 3,
					radius: 8,
					cutoff: 0.25,
					fontFamily: family,
					fontWeight: String(font.weight),
					fontStyle: font.style
				});
				return cps.map((id) => {
					const g = sdf.draw(String.fromCodePoint(id));
					const empty = g.glyphWidth === 0 || g.glyphHeight === 0;
					// TinySDF measures "top" from the baseline; fontnik from above the em box: the
					// offset MapLibre itself applies to TinySDF glyphs (glyph_manager.ts).
					return {
						id,
						bitmap: empty ? [] : Array.from(g.data),
						width: empty ? 0 : g.glyphWidth,
						height: empty ? 0 : g.glyphHeight,
						left: Math.round(g.glyphLeft + 0.5),
						top: Math.round(g.glyphTop - 27.5),
						advance: Math.round(g.glyphAdvance)
					};
				});
			},
			{ faces, font, cps: codePoints(start) }
		);
		const file = join(out, 'fonts', font.dir, `${start}-${start + 255}.pbf`);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, encodeRange(font.name, start, glyphs));
		console.log(`${file}: ${glyphs.length} glyphs`);
	}
}

// The sprite: drawn on a canvas at 1× and 2×, laid out in one row.
const ICONS = [
	{ name: 'townspot', w: 10, h: 10 },
	{ name: 'capital', w: 12, h: 12 },
	{ name: 'arrow', w: 10, h: 10 },
	{ name: 'poi', w: 10, h: 10 },
	{ name: 'train_station', w: 14, h: 14 },
	...[1, 2, 3, 4, 5].map((n) => ({ name: `generic_shield-${n}char`, w: 10 + 6 * n, h: 16 }))
];
for (const ratio of [1, 2]) {
	const { png, index } = await page.evaluate(
		({ icons, ratio }) => {
			const width = icons.reduce((s, i) => s + i.w + 2, 0) * ratio;
			const height = Math.max(...icons.map((i) => i.h)) * ratio;
			const canvas = document.createElement('canvas');
			canvas.width = width;
			canvas.height = height;
			const ctx = canvas.getContext('2d');
			const index = {};
			let x = 0;
			for (const icon of icons) {
				const w = icon.w * ratio;
				const h = icon.h * ratio;
				ctx.save();
				ctx.translate(x, 0);
				ctx.lineWidth = 1.5 * ratio;
				if (icon.name === 'townspot' || icon.name === 'capital' || icon.name === 'poi') {
					ctx.beginPath();
					ctx.arc(w / 2, h / 2, w / 2 - ratio, 0, Math.PI * 2);
					ctx.fillStyle = icon.name === 'poi' ? '#7a8a86' : '#ffffff';
					ctx.strokeStyle = '#5d5a57';
					ctx.fill();
					ctx.stroke();
					if (icon.name === 'capital') {
						ctx.beginPath();
						ctx.arc(w / 2, h / 2, w / 6, 0, Math.PI * 2);
						ctx.fillStyle = '#5d5a57';
						ctx.fill();
					}
				} else if (icon.name === 'arrow') {
					ctx.beginPath();
					ctx.moveTo(w * 0.2, h * 0.3);
					ctx.lineTo(w * 0.8, h * 0.5);
					ctx.lineTo(w * 0.2, h * 0.7);
					ctx.strokeStyle = '#9a9490';
					ctx.stroke();
				} else if (icon.name === 'train_station') {
					ctx.fillStyle = '#3a6fb0';
					ctx.fillRect(ratio, ratio, w - 2 * ratio, h - 2 * ratio);
					ctx.fillStyle = '#ffffff';
					ctx.fillRect(w * 0.3, h * 0.25, w * 0.4, h * 0.14);
					ctx.fillRect(w * 0.43, h * 0.25, w * 0.14, h * 0.5);
				} else {
					ctx.beginPath();
					ctx.roundRect(ratio, ratio, w - 2 * ratio, h - 2 * ratio, 3 * ratio);
					ctx.fillStyle = '#ffffff';
					ctx.strokeStyle = '#b9b2ad';
					ctx.fill();
					ctx.stroke();
				}
				ctx.restore();
				index[icon.name] = { x, y: 0, width: w, height: h, pixelRatio: ratio };
				x += w + 2 * ratio;
			}
			return { png: canvas.toDataURL('image/png').split(',')[1], index };
		},
		{ icons: ICONS, ratio }
	);
	const base = join(out, 'sprite', `basemap${ratio === 2 ? '@2x' : ''}`);
	mkdirSync(dirname(base), { recursive: true });
	writeFileSync(`${base}.png`, Buffer.from(png, 'base64'));
	writeFileSync(`${base}.json`, JSON.stringify(index));
	console.log(`${base}.{png,json}: ${ICONS.length} icons`);
}
await browser.close();
