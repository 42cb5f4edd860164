import { bench, describe } from 'vitest';
import { scanIdentifiers } from './scan';
import { bigNote, HOSTILE_TEXTS, NAMES } from '$lib/testing/identifier-text';

/**
 * The identifier scan on a long note and on hostile input (these targets were wall-clock
 * assertions in perf.test.ts). Baselines: one pass of a single simple pattern over the same
 * text, the least any scan does; and, for hostile input, the scan of an ordinary note of the
 * same size, so a ratio far above 1 is backtracking. Run: npx vitest bench --run src/lib/domain/identifiers
 */
const note = bigNote(100_000);
let _sink = 0;

describe(`identifier scan of a ${Math.round(note.length / 1000)} kB note (target ≤ 50 ms)`, () => {
	bench('baseline: one pass of /\\d+/g over the note', () => {
		_sink += note.match(/\d+/g)?.length ?? 0;
	});
	bench('scanIdentifiers with 51 names', () => {
		_sink += scanIdentifiers(note, { names: NAMES }).length;
	});
});

describe('identifier scan of 100,000 characters of hostile input (target ≤ 200 ms)', () => {
	bench('baseline: an ordinary note of the same size', () => {
		_sink += scanIdentifiers(note, { names: NAMES }).length;
	});
	for (const [name, text] of HOSTILE_TEXTS)
		bench(name, () => {
			_sink += scanIdentifiers(text, { names: NAMES }).length;
		});
});
