import { bench, describe } from 'vitest';
import { demoNote, generateDemo } from '$lib/domain/demo/generate';
import { Random } from '$lib/domain/demo/random';
import { fold } from '$lib/domain/text/fold';
import { ExportScanner } from './findings';

// What the scan before a backup reads: 20,000 notes from the demo generator, with a list of 50
// names. Baseline: folding every note once, the least any pass over the text does.
const demo = generateDemo({ notes: 0 });
const rnd = new Random(11);
const notes = Array.from({ length: 20_000 }, (_, i) => {
	const n = demoNote(rnd, demo.participants, 3);
	return {
		id: String(i),
		observedAt: i,
		text: [...n.paragraphs, n.quote ?? ''].join('\n'),
		placeLabel: n.placeLabel
	};
});
const names = Array.from({ length: 50 }, (_, i) => `Navn${i} Efternavn${i}`);

describe('the scan before exporting 20,000 notes (target ≤ 2 s)', () => {
	bench('baseline: fold every note once', () => {
		for (const n of notes) fold(`${n.text} ${n.placeLabel}`);
	});
	bench('identifier scan of every note', () => {
		const scanner = new ExportScanner({ names });
		for (const n of notes) scanner.scan('notes', n);
	});
});
