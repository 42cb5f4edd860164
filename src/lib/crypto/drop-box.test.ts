import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from './bytes';
import {
	collectBytes,
	createDropBox,
	depositBytes,
	importDepositKey,
	openDropBox
} from './drop-box';
import { DamagedError } from './errors';
import { containsBytes } from '$lib/testing/crypto';

const newKey = () =>
	crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const ctx = { table: 'dropBox', id: '01HZX8Y7K3M9Q2W4E6R8T0Y1U2', v: 1 };

describe('drop box', () => {
	it('takes deposits with the public key alone and opens them with the data key', async () => {
		const dataKey = await newKey();
		const stored = await createDropBox(dataKey);
		// While locked only the public key is at hand.
		const writer = await importDepositKey(stored.publicKey);
		const deposit = await depositBytes(writer, ctx, utf8('55.6703 12.5598 VB-014'));
		expect(containsBytes(deposit, utf8('55.6703'))).toBe(false);
		const keys = await openDropBox(dataKey, stored);
		expect(fromUtf8(await collectBytes(keys, ctx, deposit))).toBe('55.6703 12.5598 VB-014');
	});

	it('uses a fresh ephemeral key for every deposit', async () => {
		const stored = await createDropBox(await newKey());
		const writer = await importDepositKey(stored.publicKey);
		const a = await depositBytes(writer, ctx, utf8('same'));
		const b = await depositBytes(writer, ctx, utf8('same'));
		expect(a.subarray(1, 66)).not.toEqual(b.subarray(1, 66));
	});

	it('cannot be read without the private key, nor with another data key or context', async () => {
		const dataKey = await newKey();
		const stored = await createDropBox(dataKey);
		const deposit = await depositBytes(await importDepositKey(stored.publicKey), ctx, utf8('x'));
		await expect(
			collectBytes(
				{ publicKey: await importDepositKey(stored.publicKey), privateKey: null },
				ctx,
				deposit
			)
		).rejects.toBeInstanceOf(DamagedError);
		await expect(openDropBox(await newKey(), stored)).rejects.toBeInstanceOf(DamagedError);
		const keys = await openDropBox(dataKey, stored);
		await expect(collectBytes(keys, { ...ctx, id: 'other' }, deposit)).rejects.toBeInstanceOf(
			DamagedError
		);
		const flipped = deposit.slice();
		flipped[flipped.length - 1]! ^= 1;
		await expect(collectBytes(keys, ctx, flipped)).rejects.toBeInstanceOf(DamagedError);
	});

	it('refuses a public key swapped in by someone who can write to storage', async () => {
		const dataKey = await newKey();
		const mine = await createDropBox(dataKey);
		const theirs = await createDropBox(await newKey());
		await expect(
			openDropBox(dataKey, { ...mine, publicKey: theirs.publicKey })
		).rejects.toBeInstanceOf(DamagedError);
	});
});
