import { bench, describe } from 'vitest';
import { changePassphrase, createKeys } from './keys';
import { sealJson } from './seal';
import { CHEAP_KDF } from '$lib/testing/crypto';

/**
 * Changing the passphrase rewraps the data key and touches no record, so its time does not grow
 * with the workspace (this target was a wall-clock assertion in keys.test.ts). Cheap KDF, so
 * the rewrap is what is measured. Run: npx vitest bench --run src/lib/crypto
 */
const PASS = 'tabby cruelty rotunda unlatch';
const NEW_PASS = 'radiance mummy opium childcare';

async function workspace(n: number) {
	const keys = await createKeys(PASS, CHEAP_KDF);
	const sealed = await Promise.all(
		Array.from({ length: n }, (_, i) =>
			sealJson(keys.dataKey, { table: 'notes', id: `note-${i}`, v: 1 }, { text: `note ${i}` })
		)
	);
	return { file: keys.file, sealed };
}
const small = await workspace(10);
const large = await workspace(10_000);

describe('change passphrase, cheap KDF (target ≤ 3× + 50 ms)', () => {
	bench('baseline: a workspace of 10 records', async () => {
		await changePassphrase(small.file, PASS, NEW_PASS, CHEAP_KDF);
	});
	bench(`a workspace of ${large.sealed.length} records`, async () => {
		await changePassphrase(large.file, PASS, NEW_PASS, CHEAP_KDF);
	});
});
