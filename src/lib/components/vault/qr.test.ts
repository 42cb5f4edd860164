import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { generateRecoveryKey } from '$lib/crypto/recovery';
import { qrModules, qrPath } from './qr';

/** Paints the modules into an RGBA image (4 px a module, quiet zone of 4) and reads it back. */
function read(modules: boolean[][]): string | null {
	const scale = 4;
	const side = (modules.length + 8) * scale;
	const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
	modules.forEach((row, r) =>
		row.forEach((dark, c) => {
			if (!dark) return;
			for (let y = 0; y < scale; y++)
				for (let x = 0; x < scale; x++) {
					const i = (((r + 4) * scale + y) * side + (c + 4) * scale + x) * 4;
					rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
				}
		})
	);
	return jsQR(rgba, side, side)?.data ?? null;
}

describe('the recovery key as a QR code', () => {
	it('reads back as the key, in the compact alphanumeric mode (version 2, 25 modules)', () => {
		for (let i = 0; i < 5; i++) {
			const { text } = generateRecoveryKey();
			const modules = qrModules(text);
			expect(modules.length).toBe(25);
			expect(read(modules)).toBe(text);
		}
	});

	it('draws one square per dark module inside a quiet zone', () => {
		const { text } = generateRecoveryKey();
		const modules = qrModules(text);
		const path = qrPath(text);
		expect(path.viewBox).toBe(modules.length + 8);
		expect(path.d.match(/M/g)).toHaveLength(modules.flat().filter(Boolean).length);
		expect(path.d.startsWith('M4 4h1v1h-1z')).toBe(true); // the top-left finder pattern
	});
});
