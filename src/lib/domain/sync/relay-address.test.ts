import { describe, expect, it } from 'vitest';
import { checkRelayAddress } from './relay-address';

describe('the relay address', () => {
	const app = 'https://stedsans.example.org';
	it('is the app’s own origin or one the build allows', () => {
		expect(checkRelayAddress(' https://stedsans.example.org/ ', app, [])).toEqual({
			ok: true,
			origin: app
		});
		expect(
			checkRelayAddress('https://relay.example.org', app, ['https://relay.example.org'])
		).toEqual({
			ok: true,
			origin: 'https://relay.example.org'
		});
	});
	it('refuses another host (the policy would block it) and what is not an origin', () => {
		expect(checkRelayAddress('https://evil.example.com', app, [])).toEqual({
			ok: false,
			reason: 'not-allowed',
			origin: 'https://evil.example.com'
		});
		expect(checkRelayAddress('relay.example.org', app, []).ok).toBe(false);
		expect(checkRelayAddress('https://stedsans.example.org/v1', app, []).ok).toBe(false);
		expect(checkRelayAddress('ftp://stedsans.example.org', app, []).ok).toBe(false);
	});
});
