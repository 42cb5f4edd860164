import { bench, describe } from 'vitest';
import { AesCodec } from './aes-codec';
import { createKeys, unlockWithPassphrase } from './keys';

/**
 * `npx vitest bench --run src/lib/crypto`: the cost of unlocking at the default Argon2id
 * parameters, and of sealing/opening 20,000 note-sized payloads against plain JSON, which is what
 * the identity codec's callers pay today (the ratio is the overhead of encryption at rest).
 */
const PASS = 'tabby cruelty rotunda unlatch';
const { file } = await createKeys(PASS);
const codec = new AesCodec((await unlockWithPassphrase(file, PASS)).dataKey);

const N = 20_000;
const words =
	'vi sad på trappen ved halmtorvet og han fortalte om jobcentret og om at vente '.split(' ');
const notes = Array.from({ length: N }, (_, i) => ({
	genre: 'jotting',
	observedAt: 1_760_000_000_000 + i * 60_000,
	text: Array.from({ length: 140 }, (_, k) => words[(i + k) % words.length]).join(' '),
	codes: ['venten', 'politi', 'ressourcer'],
	participantIds: [`P-${i % 200}`],
	placeIds: [`place-${i % 50}`],
	precision: 'cell',
	cell: '881f1d4887fffff',
	sensitivity: 'normal'
}));
const ctx = (i: number) => ({
	table: 'notes',
	id: `01HZX8Y7K3M9Q2W4E6R8T${String(i).padStart(5, '0')}`,
	v: 1
});
const sealed = await Promise.all(notes.map((n, i) => codec.seal(ctx(i), n)));
const json = notes.map((n) => JSON.stringify(n));
console.info(
	`note payload: ${json[0]!.length} characters of JSON, ${sealed[0]!.length} bytes sealed`
);

// The target was a wall-clock assertion in keys.test.ts. Baseline: the PBKDF2-SHA256 fallback
// (600,000 iterations, WebCrypto) stored where there is no WebAssembly.
const { file: pbkdf2File } = await createKeys(PASS, { wasm: false });

describe('unlock (target ≤ 10 s)', () => {
	bench(
		'baseline: PBKDF2-SHA256, 600,000 iterations',
		async () => {
			await unlockWithPassphrase(pbkdf2File, PASS, { wasm: false });
		},
		{ iterations: 5, warmupIterations: 1, time: 0 }
	);
	bench(
		'Argon2id 64 MiB, t = 3, p = 1 (default parameters)',
		async () => {
			await unlockWithPassphrase(file, PASS);
		},
		{ iterations: 5, warmupIterations: 1, time: 0 }
	);
});

describe(`${N} notes: write path`, () => {
	bench(
		'JSON.stringify',
		() => {
			for (const n of notes) JSON.stringify(n);
		},
		{ iterations: 10, time: 0 }
	);
	bench(
		'AesCodec.seal (pack + AES-256-GCM)',
		async () => {
			await Promise.all(notes.map((n, i) => codec.seal(ctx(i), n)));
		},
		{ iterations: 5, warmupIterations: 2, time: 0 }
	);
});

describe(`${N} notes: read path`, () => {
	bench(
		'JSON.parse',
		() => {
			for (const j of json) JSON.parse(j);
		},
		{ iterations: 10, time: 0 }
	);
	bench(
		'AesCodec.open (AES-256-GCM + unpack)',
		async () => {
			await Promise.all(sealed.map((s, i) => codec.open(ctx(i), s)));
		},
		{ iterations: 5, warmupIterations: 2, time: 0 }
	);
});
