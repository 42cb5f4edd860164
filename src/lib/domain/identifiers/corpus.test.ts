import { describe, expect, it } from 'vitest';
import { CORPUS_LOOK_ALIKES, CORPUS_NAMES, CORPUS_POSITIVES } from '$lib/testing/identifier-corpus';
import { FIXTURE_NOW } from '$lib/testing/identifiers';
import { scanIdentifiers } from './scan';

const options = { names: CORPUS_NAMES, now: FIXTURE_NOW };

/** Whether a hit of the expected kind covers the identifier. */
function found(text: string, kind: string, hit: string): boolean {
	const start = text.indexOf(hit);
	return scanIdentifiers(text, options).some(
		(h) => h.kind === kind && h.start <= start && h.end >= start + hit.length
	);
}

describe('identifier detection on a corpus of field-note sentences', () => {
	it('has at least 60 identifiers and 60 look-alikes', () => {
		expect(CORPUS_POSITIVES.length).toBeGreaterThanOrEqual(60);
		expect(CORPUS_LOOK_ALIKES.length).toBeGreaterThanOrEqual(60);
		for (const x of CORPUS_POSITIVES) expect(x.text).toContain(x.hit);
	});

	it('finds every identifier and flags no look-alike', () => {
		const missed = CORPUS_POSITIVES.filter((x) => !found(x.text, x.kind, x.hit));
		const flagged = CORPUS_LOOK_ALIKES.map((text) => ({
			text,
			hits: scanIdentifiers(text, options).map((h) => `${h.kind}: ${h.text}`)
		})).filter((x) => x.hits.length > 0);
		console.info(
			`identifier corpus: ${CORPUS_POSITIVES.length - missed.length} of ${CORPUS_POSITIVES.length} found, ` +
				`${flagged.length} of ${CORPUS_LOOK_ALIKES.length} look-alikes flagged`
		);
		expect(missed.map((x) => `${x.kind}: ${x.text}`)).toEqual([]);
		expect(flagged).toEqual([]);
	});
});
