import type { Envelope } from './protocol';

/**
 * Envelopes in pushes the relay takes: at most `maxCount` envelopes and about `maxBytes` of
 * ciphertext each (its request limit is 8 MB; a chunk of 4,096 fixes seals to about 210 kB, a
 * note to a few kB, so a count alone would overrun it with tracks and waste requests on notes).
 */
export function pushBatches(
	envelopes: readonly Envelope[],
	maxBytes = 6 * 1024 * 1024,
	maxCount = 500
): Envelope[][] {
	const out: Envelope[][] = [];
	let batch: Envelope[] = [];
	let bytes = 0;
	for (const e of envelopes) {
		const size = e.ciphertext.length + 200;
		if (batch.length && (bytes + size > maxBytes || batch.length >= maxCount)) {
			out.push(batch);
			batch = [];
			bytes = 0;
		}
		batch.push(e);
		bytes += size;
	}
	if (batch.length) out.push(batch);
	return out;
}
