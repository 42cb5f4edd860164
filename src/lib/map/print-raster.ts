import { withDpi } from '$lib/domain/format/png-dpi';

/**
 * The print export's SVG as a PNG at `dpi`: drawn by the browser into a canvas of the page's size
 * in points × dpi / 72, with the resolution written into the file (canvas.toBlob writes none).
 * Null when the browser cannot draw it (no canvas, out of memory): the release keeps its SVG.
 */
export async function svgToPng(
	svg: string,
	widthPt: number,
	heightPt: number,
	dpi = 300
): Promise<Uint8Array | null> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round((widthPt * dpi) / 72);
		canvas.height = Math.round((heightPt * dpi) / 72);
		const ctx = canvas.getContext('2d');
		if (!ctx) return null;
		ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) return null;
		return withDpi(new Uint8Array(await blob.arrayBuffer()), dpi);
	} catch {
		return null;
	} finally {
		URL.revokeObjectURL(url);
	}
}
