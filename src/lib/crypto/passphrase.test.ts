import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { checkPassphrase, generatePassphrase, MIN_GUESSES_LOG10 } from './passphrase';

/** A seeded generator, so the sample is the same on every run. */
function seeded(seed: number) {
	return () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
}

const list = dictionary['diceware-common'];
function randomWords(n: number, rand: () => number, separator = ' ') {
	return Array.from({ length: n }, () => list[Math.floor(rand() * list.length)]!).join(separator);
}

describe('passphrase policy', () => {
	it.each([
		'correct horse battery staple',
		'tabby cruelty rotunda unlatch',
		'surgical obtrusive humpback cufflink',
		'magma-shampoo-stifling-grant',
		'hest kaffe trappe vindue cykel'
	])('accepts four or more random words: %j', (p) => {
		expect(checkPassphrase(p).acceptable).toBe(true);
	});

	it.each([
		'Password123!',
		'stedsans2026',
		'Stedsans2026!',
		'kodeord1234',
		'elephant',
		'Sommerfugl',
		'kaffemaskine',
		'qwertyuiop',
		'qwertyuiopasdfgh',
		'1qaz2wsx3edc4rfv',
		'asdfghjklæø',
		'Tr0ub4dor&3',
		'jeg elsker dig',
		'this is my password',
		'correcthorsebattery',
		'poem exclusive entire'
	])('refuses %j', (p) => {
		const verdict = checkPassphrase(p);
		expect(verdict.acceptable).toBe(false);
		expect(verdict.guessesLog10).toBeLessThan(MIN_GUESSES_LOG10);
	});

	it('separates three random words from four (seeded sample of the EFF list)', () => {
		const rand = seeded(2026);
		const pass = (n: number, count: number) =>
			Array.from({ length: count }, () => checkPassphrase(randomWords(n, rand)).acceptable).filter(
				Boolean
			).length;
		expect(pass(3, 100)).toBe(0);
		expect(pass(4, 100)).toBeGreaterThanOrEqual(97);
	});

	it('counts what an attacker may know about the user against the passphrase', () => {
		const p = 'Mikkelsen Nordvest Gadeteam';
		expect(checkPassphrase(p, ['mikkelsen']).guessesLog10).toBeLessThan(
			checkPassphrase(p).guessesLog10
		);
	});

	it('gives feedback keys for the message catalogue, not English sentences', () => {
		const verdict = checkPassphrase('password');
		expect(verdict.warning).toMatch(/^[a-zA-Z]+$/);
		expect(verdict.suggestions.every((s) => /^[a-zA-Z]+$/.test(s))).toBe(true);
	});

	it('suggests passphrases that pass', () => {
		const a = generatePassphrase();
		expect(a.split(' ')).toHaveLength(5);
		expect(checkPassphrase(a).acceptable).toBe(true);
		expect(generatePassphrase()).not.toBe(a);
	});
});
