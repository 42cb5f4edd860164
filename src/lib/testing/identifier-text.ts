/**
 * Field-note text for the identifier scan's test and benchmarks (domain/identifiers): a long note
 * of ordinary prose with the numbers field notes are full of and a few identifiers, hostile
 * input that would make a badly written pattern backtrack, and a list of names.
 */

/** A note of about `bytes` characters. */
export function bigNote(bytes: number): string {
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

/** 100,000 characters each: one long word, a sea of digits, of "@", of short capitalised words. */
export const HOSTILE_TEXTS: readonly [string, string][] = [
	['one long word', 'A'.repeat(100_000)],
	['a sea of digits', '1'.repeat(100_000)],
	['a sea of "@"', 'a@'.repeat(50_000)],
	['short capitalised words', 'Aa '.repeat(33_000)]
];

/** The project's list of names that must never appear: 50 and one with a Danish letter. */
export const NAMES = Array.from({ length: 50 }, (_, i) => `Navn${i} Efternavn${i}`).concat(['Åse']);
