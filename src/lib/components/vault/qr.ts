import qrcode from 'qrcode-generator';

/**
 * A QR code as an SVG path, so another device's camera can take the recovery key off the
 * screen. qrcode-generator (no eval, no canvas) makes the modules; the path is drawn here as
 * plain SVG attributes, which the Content Security Policy allows, instead of its own SVG string
 * (which would need innerHTML).
 */
export interface QrPath {
	/** Modules per side, without the quiet zone. */
	size: number;
	/** One "M x y h1 v1 h-1 z" square per dark module, offset by the quiet zone. */
	d: string;
	/** The side of the drawing in modules, with the quiet zone of 4 the standard asks for. */
	viewBox: number;
}

const QUIET_ZONE = 4; // ISO/IEC 18004 §6.3.8

/** The modules of `text` (upper-case letters, digits and dashes fit the compact alphanumeric mode). */
export function qrModules(text: string): boolean[][] {
	const qr = qrcode(0, 'M');
	qr.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
	qr.make();
	const n = qr.getModuleCount();
	return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

export function qrPath(text: string): QrPath {
	const modules = qrModules(text);
	const parts: string[] = [];
	modules.forEach((row, r) =>
		row.forEach((dark, c) => {
			if (dark) parts.push(`M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`);
		})
	);
	return { size: modules.length, d: parts.join(''), viewBox: modules.length + 2 * QUIET_ZONE };
}
