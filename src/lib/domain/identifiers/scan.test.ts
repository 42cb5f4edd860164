import { describe, expect, it } from 'vitest';
import { passesModulus11 } from './cpr';
import {
	CPR_FRAMES,
	FIXTURE_NOW,
	LOOK_ALIKES,
	NAMES,
	TRUE_CPR,
	TRUE_OTHERS
} from '$lib/testing/identifiers';
import { scanIdentifiers } from './scan';

const options = { names: NAMES, now: FIXTURE_NOW };

describe('scanIdentifiers: the test set', () => {
	it('has at least 50 true CPR numbers, most failing modulus 11', () => {
		expect(TRUE_CPR.length).toBeGreaterThanOrEqual(50);
		const failing = TRUE_CPR.filter((c) => !passesModulus11(c.replace('-', '')));
		expect(failing.length).toBeGreaterThanOrEqual(40);
		expect(TRUE_CPR.length - failing.length).toBeGreaterThan(0);
	});

	it('has Danish phone numbers in the usual spellings and e-mail addresses', () => {
		const phones = TRUE_OTHERS.filter((x) => x.kind === 'phone').map((x) => x.hit);
		expect(phones.length).toBeGreaterThanOrEqual(20);
		expect(phones.some((p) => /^\+45 \d{2} \d{2} \d{2} \d{2}$/.test(p))).toBe(true); // +45 and pairs
		expect(phones.some((p) => /^\d{4} \d{4}$/.test(p))).toBe(true); // two groups of four
		expect(phones.some((p) => /^\d{8}$/.test(p))).toBe(true); // no spaces
		expect(phones.some((p) => p.startsWith('0045'))).toBe(true);
		expect(TRUE_OTHERS.filter((x) => x.kind === 'email').length).toBeGreaterThanOrEqual(5);
	});

	it.each(TRUE_CPR.map((c, i) => [c, i] as const))('finds the CPR number %s', (cpr, i) => {
		const text = CPR_FRAMES[i % CPR_FRAMES.length]!(cpr);
		const hits = scanIdentifiers(text, options);
		expect(hits).toEqual([
			{ kind: 'cpr', start: text.indexOf(cpr), end: text.indexOf(cpr) + cpr.length, text: cpr }
		]);
	});

	it.each(TRUE_OTHERS.map((x) => [x.kind, x.text, x] as const))(
		'finds the %s in %j',
		(_kind, _text, { kind, text, hit }) => {
			const hits = scanIdentifiers(text, options);
			expect(hits.map((h) => ({ kind: h.kind, text: h.text }))).toEqual([{ kind, text: hit }]);
			expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe(hit);
		}
	);

	it('has at least 50 look-alikes', () => {
		expect(LOOK_ALIKES.length).toBeGreaterThanOrEqual(50);
	});

	it.each(LOOK_ALIKES)('flags nothing in %j', (text) => {
		expect(scanIdentifiers(text, options)).toEqual([]);
		expect(scanIdentifiers(`Noter: ${text} og så videre.`, options)).toEqual([]);
	});
});
