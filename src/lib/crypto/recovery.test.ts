import { describe, expect, it } from 'vitest';
import { WrongRecoveryKeyError } from './errors';
import { generateRecoveryKey, parseRecoveryKey, RECOVERY_KEY_LENGTH } from './recovery';

const problem = (input: string) => {
	try {
		parseRecoveryKey(input);
		return 'ok';
	} catch (e) {
		return (e as WrongRecoveryKeyError).problem;
	}
};

describe('recovery keys', () => {
	it('are 7 groups of 4 Crockford base32 symbols holding at least 128 random bits', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) {
			const { text, secret } = generateRecoveryKey();
			expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
			expect(secret).toHaveLength(17);
			expect(secret[0]! & 0x80).toBe(0); // 135 bits
			seen.add(text);
		}
		expect(seen.size).toBe(200);
		expect(RECOVERY_KEY_LENGTH * 5 - 5).toBeGreaterThanOrEqual(128);
	});

	it('read back as typed: any case, spaces or no dashes, O for 0, I and L for 1', () => {
		const { text, secret } = generateRecoveryKey();
		const variants = [
			text,
			text.toLowerCase(),
			text.replace(/-/g, ' '),
			text.replace(/-/g, ''),
			`  ${text.replace(/-/g, ' - ')}  `,
			text.replace(/0/g, 'O').replace(/1/g, 'l')
		];
		for (const v of variants) {
			const parsed = parseRecoveryKey(v);
			expect(parsed.text).toBe(text);
			expect(Array.from(parsed.secret)).toEqual(Array.from(secret));
		}
	});

	it('catch every single wrong symbol and every swap of neighbours', () => {
		const { text } = generateRecoveryKey();
		const symbols = text.replace(/-/g, '');
		for (let i = 0; i < symbols.length; i++) {
			const wrong = symbols[i] === 'A' ? 'B' : 'A';
			expect(problem(symbols.slice(0, i) + wrong + symbols.slice(i + 1))).not.toBe('ok');
			if (i + 1 < symbols.length && symbols[i] !== symbols[i + 1]) {
				const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
				expect(problem(swapped)).not.toBe('ok');
			}
		}
	});

	it('say what is wrong', () => {
		const { text } = generateRecoveryKey();
		expect(problem(text.slice(0, -2))).toBe('length');
		expect(problem(`U${text.slice(1)}`)).toBe('character'); // U is only a check symbol
		expect(problem(`!${text.slice(1)}`)).toBe('character');
	});
});
