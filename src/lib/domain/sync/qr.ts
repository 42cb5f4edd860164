import qrcode from 'qrcode-generator';

/**
 * An invite code as a QR code, drawn by the screen as one SVG path (no image, no HTML string).
 * The code is uppercase letters, digits and dashes, all in QR's compact alphanumeric mode;
 * error correction M tolerates a smudged screen or a shaky hand.
 */
export function qrPath(text: string): { size: number; path: string } {
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Alphanumeric');
	qr.make();
	const size = qr.getModuleCount();
	let path = '';
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) if (qr.isDark(y, x)) path += `M${x} ${y}h1v1h-1z`;
	return { size, path };
}
