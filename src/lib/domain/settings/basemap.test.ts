import { describe, expect, it } from 'vitest';
import { basemapHosts, cspDirectives, DEFAULT_BASEMAP_HOSTS } from '../../../../csp.config.js';
import { checkBasemapUrl } from './basemap';
import { DEFAULT_BASEMAP_STYLE } from './workspace-settings';

describe('basemap URLs and the Content Security Policy', () => {
	it('allows the default basemap, whose host the policy is built from', () => {
		expect(checkBasemapUrl(DEFAULT_BASEMAP_STYLE, DEFAULT_BASEMAP_HOSTS)).toEqual({ ok: true });
		expect(cspDirectives(DEFAULT_BASEMAP_HOSTS)['connect-src']).toEqual([
			'self',
			`https://${new URL(DEFAULT_BASEMAP_STYLE).host}`
		]);
	});

	it('refuses another host, and plain http', () => {
		expect(
			checkBasemapUrl('https://tile.example.org/style.json', ['tiles.openfreemap.org'])
		).toEqual({ ok: false, reason: 'host', host: 'tile.example.org' });
		expect(
			checkBasemapUrl('http://tiles.openfreemap.org/styles/liberty', ['tiles.openfreemap.org'])
		).toEqual({
			ok: false,
			reason: 'not-https'
		});
		expect(checkBasemapUrl('not a url', ['tiles.openfreemap.org'])).toMatchObject({ ok: false });
	});

	it('takes more hosts from STEDSANS_BASEMAP_HOSTS for a deployment with another basemap', () => {
		const hosts = basemapHosts({ STEDSANS_BASEMAP_HOSTS: 'Tiles.Example.org, fonts.example.org' });
		expect(hosts).toEqual(['tiles.openfreemap.org', 'tiles.example.org', 'fonts.example.org']);
		expect(checkBasemapUrl('https://tiles.example.org/s.json', hosts)).toEqual({ ok: true });
		expect(() => basemapHosts({ STEDSANS_BASEMAP_HOSTS: 'https://x.org/' })).toThrow();
	});

	it('keeps scripts to the app itself: no unsafe-eval, no other host', () => {
		const d = cspDirectives(DEFAULT_BASEMAP_HOSTS);
		expect(d['script-src']).toEqual(['self', 'wasm-unsafe-eval']);
		expect(d['worker-src']).toEqual(['self']);
		expect(d['object-src']).toEqual(['none']);
		expect(d['style-src']).toEqual(['self']);
	});
});
