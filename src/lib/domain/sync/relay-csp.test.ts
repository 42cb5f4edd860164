import { describe, expect, it } from 'vitest';
import { cspDirectives, relayOrigins } from '../../../../csp.config.js';

describe('the relays the Content Security Policy lets the app reach', () => {
	it('are only its own origin by default (a relay that serves the app)', () => {
		expect(relayOrigins({})).toEqual([]);
		expect(cspDirectives(['tiles.openfreemap.org'], relayOrigins({}))['connect-src']).toEqual([
			'self',
			'https://tiles.openfreemap.org'
		]);
	});
	it('add exactly the https origins the build lists, never a wildcard or plain http', () => {
		const relays = relayOrigins({
			STEDSANS_RELAY_ORIGINS: ' https://relay.example.org/ ,https://Relay.example.org'
		});
		expect(relays).toEqual(['https://relay.example.org']);
		expect(cspDirectives([], relays)['connect-src']).toEqual(['self', 'https://relay.example.org']);
		for (const bad of [
			'http://relay.example.org',
			'https://*.example.org',
			'*',
			'relay.example.org'
		])
			expect(() => relayOrigins({ STEDSANS_RELAY_ORIGINS: bad })).toThrow(/not an https origin/);
	});
});
