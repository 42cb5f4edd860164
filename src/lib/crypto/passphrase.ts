import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { DANISH_WORDS, PROJECT_WORDS } from './passphrase-words';

/**
 * Passphrase policy: at least the strength of four random words.
 *
 * Four words drawn from the EFF large list (7,776 words, the diceware list zxcvbn-ts ships) take
 * 7776^4 ≈ 10^15.6 guesses. zxcvbn estimates guesses from the patterns it sees, not from how the
 * phrase was chosen, so the threshold is set on its estimates, measured over 1,000 seeded phrases
 * per row (`passphrase.test.ts` repeats a smaller sample):
 *
 *   words   separator   zxcvbn log10 guesses: min / 1st pct / median / max   pass at 16.5
 *   3       space       11.5 / 12.3 / 15.5 / 16.3                              0 %
 *   4       space       16.0 / 17.3 / 20.8 / 24.2                              99.7 %
 *   4       none        12.0 / 12.3 / 14.8 / 16.8                              0.5 %
 *   5       none        14.7 / 16.1 / 18.8 / 21.1                              96.6 %
 *
 * zxcvbn credits separators generously (three spaced words reach 10^16.4), so the threshold is the
 * first round value above every three-word phrase: log10(guesses) ≥ 16.5 (≈ 2^55). Four random
 * words with spaces pass; run together they need a fifth word, because zxcvbn cannot tell them
 * from a chosen compound. Everything people actually pick ("Password123!", "stedsans2026", one
 * word, a keyboard walk, a line of a song) lands far below.
 *
 * At the default Argon2id cost (~0.3 s on a laptop core, 64 MiB each) an attacker with 100 GPUs
 * managing perhaps 10^5 guesses a second in all needs ~10^11 seconds for half of 10^16.5.
 */
export const MIN_GUESSES_LOG10 = 16.5;

export interface PassphraseVerdict {
	acceptable: boolean;
	guessesLog10: number;
	/** zxcvbn's 0–4 score, for a meter. The policy uses `guessesLog10`, not this. */
	score: 0 | 1 | 2 | 3 | 4;
	/** zxcvbn feedback keys (e.g. "commonWords"), for the message catalogue to translate. */
	warning: string | null;
	suggestions: string[];
}

let estimator: ZxcvbnFactory | null = null;

// Built on first use: parsing the dictionaries takes ~0.2 s, so only the screens that set a
// passphrase should import this module (dynamically).
function zxcvbn(): ZxcvbnFactory {
	estimator ??= new ZxcvbnFactory({
		dictionary: {
			...common.dictionary,
			...en.dictionary,
			'da-common': DANISH_WORDS,
			'stedsans-project': PROJECT_WORDS
		},
		graphs: common.adjacencyGraphs
	});
	return estimator;
}

const key = (s: string) => s.replace(/^(warnings|suggestions)\./, '');

/** `userInputs`: words an attacker could know (the user's name, the workspace's name). */
export function checkPassphrase(
	passphrase: string,
	userInputs: readonly string[] = []
): PassphraseVerdict {
	const result = zxcvbn().check(passphrase.normalize('NFKC'), [...userInputs]);
	return {
		acceptable: result.guessesLog10 >= MIN_GUESSES_LOG10,
		guessesLog10: result.guessesLog10,
		score: result.score,
		warning: result.feedback.warning ? key(result.feedback.warning) : null,
		suggestions: result.feedback.suggestions.map(key)
	};
}

/** A uniform index below `n` from the CSPRNG (rejection sampling avoids modulo bias). */
function randomIndex(n: number): number {
	const limit = Math.floor(0x1_0000_0000 / n) * n;
	const buf = new Uint32Array(1);
	for (;;) {
		globalThis.crypto.getRandomValues(buf);
		if (buf[0]! < limit) return buf[0]! % n;
	}
}

/** A suggestion: `words` words from the EFF large list (5 × 12.9 = 64.6 bits by default). */
export function generatePassphrase(words = 5, separator = ' '): string {
	const list = common.dictionary['diceware-common'];
	return Array.from({ length: words }, () => list[randomIndex(list.length)]!).join(separator);
}
