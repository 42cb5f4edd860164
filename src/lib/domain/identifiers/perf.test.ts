import { describe, expect, it } from 'vitest';
import { scanIdentifiers } from './scan';

/** A 100 kB field note: ordinary prose with the numbers field notes are full of, a few identifiers. */
function bigNote(bytes: number): string {
	const lines = [
		'Kl. 14.30 sad vi på trappen ved Halmtorvet; det var koldt og der var 12 mennesker.',
		'Han fortalte om methadon, om jobcentret og om at vente 3 timer på en læge i går.',
		'En pose kostede 150 kr. og der kom to betjente forbi kl. 15.05, de sagde ingenting.',
		'Vi gik op ad Istedgade, forbi Mændenes Hjem, og hun pegede på "Mekka" og "trappen".',
		'Ordre nr. 45678901 på kaffen; 24-12-2025 var sidste gang han så sin søster Åse.',
		'Noter fra 2025-11-03: stemningen var anspændt, ingen ville tale om politiet.'
	];
	const out: string[] = [];
	let size = 0;
	for (let i = 0; size < bytes; i++) {
		const line = lines[i % lines.length]!;
		out.push(line);
		size += line.length + 1;
		if (i % 97 === 0) out.push('Han ringede fra 23 45 67 89 og sagde 010150-1234, Istedgade 100.');
	}
	return out.join('\n');
}

const names = Array.from({ length: 50 }, (_, i) => `Navn${i} Efternavn${i}`).concat(['Åse']);

describe('scanning speed', () => {
	it('scans a 100 kB note in well under 50 ms', () => {
		const text = bigNote(100_000);
		scanIdentifiers(text, { names }); // warm up the regex engine
		const runs: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t0 = performance.now();
			const hits = scanIdentifiers(text, { names });
			runs.push(performance.now() - t0);
			expect(hits.length).toBeGreaterThan(10);
		}
		const median = runs.sort((a, b) => a - b)[2]!;
		console.info(`scan of ${text.length} characters: median ${median.toFixed(1)} ms`);
		expect(median).toBeLessThan(50);
	});

	it('stays linear on hostile input (one long word, a sea of digits and @)', () => {
		for (const text of [
			'A'.repeat(100_000),
			'1'.repeat(100_000),
			'a@'.repeat(50_000),
			'Aa '.repeat(33_000)
		]) {
			const t0 = performance.now();
			scanIdentifiers(text, { names });
			expect(performance.now() - t0).toBeLessThan(200);
		}
	});
});
