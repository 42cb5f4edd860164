import { describe, expect, it } from 'vitest';
import { BasemapWatch } from './fallback';
import { styleHost } from './styles';

describe('basemap fallback', () => {
	it('falls back when the style itself fails to load', () => {
		expect(new BasemapWatch().error('style')).toBe(true);
	});
	it('falls back when tiles keep failing and none arrived', () => {
		const w = new BasemapWatch(3);
		w.styleLoaded();
		expect(w.error('tile')).toBe(false);
		expect(w.error('tile')).toBe(false);
		expect(w.error('tile')).toBe(true);
	});
	it('keeps the basemap when some tiles arrive (a patchy connection)', () => {
		const w = new BasemapWatch(3);
		w.styleLoaded();
		w.tileLoaded();
		for (let i = 0; i < 10; i++) expect(w.error('tile')).toBe(false);
		expect(w.timedOut()).toBe(false);
	});
	it('falls back at the deadline when the style never came', () => {
		expect(new BasemapWatch().timedOut()).toBe(true);
	});
	it('reads the host of a style URL', () => {
		expect(styleHost('https://tiles.openfreemap.org/styles/liberty')).toBe('tiles.openfreemap.org');
		expect(styleHost('not a url')).toBeNull();
	});
});
