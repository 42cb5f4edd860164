// Renders the app icons (static/icons/*.svg) to the PNG sizes the manifest lists.
// Run once after changing the SVGs: node scripts/render-icons.mjs
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumPath } from '../tests/chromium.js';

const jobs = [
	['static/icons/icon.svg', 'static/icons/icon-192.png', 192],
	['static/icons/icon.svg', 'static/icons/icon-512.png', 512],
	['static/icons/maskable.svg', 'static/icons/maskable-512.png', 512]
];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [src, out, size] of jobs) {
	const svg = readFileSync(src, 'utf8');
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`
	);
	await page.screenshot({
		path: out,
		omitBackground: true,
		clip: { x: 0, y: 0, width: size, height: size }
	});
	console.log('wrote', out);
}
await browser.close();
