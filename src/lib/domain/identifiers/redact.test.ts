import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW } from '$lib/testing/identifiers';
import { redact, redactIdentifiers } from './redact';
import { scanIdentifiers } from './scan';

const note =
	'Mødte Ole (010150-1234) ved Istedgade 100. Han gav mig 23 45 67 89 og ole@example.dk; bilen AB 12 345.';

describe('redact', () => {
	it('replaces every hit with its placeholder', () => {
		expect(redactIdentifiers(note, { names: ['Ole'], now: FIXTURE_NOW })).toBe(
			'Mødte [name] ([CPR]) ved [address]. Han gav mig [phone] og [e-mail]; bilen [plate].'
		);
	});

	it('takes other placeholders', () => {
		const hits = scanIdentifiers('ring 23456789', { now: FIXTURE_NOW });
		expect(redact('ring 23456789', hits, (k) => `<${k}>`)).toBe('ring <phone>');
	});

	it('leaves stale hits alone rather than cutting the wrong text', () => {
		const hits = scanIdentifiers('ring 23456789', { now: FIXTURE_NOW });
		expect(redact('ring nu 23456789', hits)).toBe('ring nu 23456789');
	});

	it('returns the text unchanged when there is nothing to redact', () => {
		expect(redactIdentifiers('Vi drak kaffe kl. 14.30', { now: FIXTURE_NOW })).toBe(
			'Vi drak kaffe kl. 14.30'
		);
	});
});

describe('scanIdentifiers', () => {
	it('returns hits in text order, without overlaps, the e-mail winning over digits in it', () => {
		const hits = scanIdentifiers('23456789@sms.dk og 0101501234', { now: FIXTURE_NOW });
		expect(hits.map((h) => h.kind)).toEqual(['email', 'cpr']);
	});

	it('scans only the kinds asked for', () => {
		expect(
			scanIdentifiers(note, { kinds: ['phone'], now: FIXTURE_NOW }).map((h) => h.kind)
		).toEqual(['phone']);
	});
});
