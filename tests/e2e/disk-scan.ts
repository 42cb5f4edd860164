import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reading a browser profile's files the way someone who found the phone would: not only the raw
 * bytes, but what Chromium compresses on the way to disk made readable again. Two layers hide
 * plaintext from a plain byte search: LevelDB compresses its table blocks with Snappy, and
 * Chromium compresses IndexedDB values of 64 KiB or more with Snappy before storing them (a
 * "wrapped" value: 0xFF 0x11 0x02 and the compressed bytes, in the table or in a blob file).
 * Without undoing both, a scan can pass on a workspace that is not encrypted at all.
 */

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...filesUnder(path));
		else out.push(path);
	}
	return out;
}

function varint(buf: Buffer, at: number): [value: number, next: number] {
	let value = 0;
	let shift = 0;
	for (let i = at; i < buf.length && i < at + 10; i++) {
		value += (buf[i]! & 0x7f) * 2 ** shift;
		if (!(buf[i]! & 0x80)) return [value, i + 1];
		shift += 7;
	}
	throw new RangeError('bad varint');
}

/** Snappy's raw format (github.com/google/snappy, format_description.txt). Throws on nonsense. */
export function snappyDecompress(input: Buffer, limit = 256 * 1024 * 1024): Buffer {
	const [length, start] = varint(input, 0);
	if (length > limit) throw new RangeError('too long');
	const out = Buffer.alloc(length);
	let o = 0;
	let i = start;
	while (i < input.length && o < length) {
		const tag = input[i++]!;
		const type = tag & 3;
		if (type === 0) {
			let len = tag >> 2;
			if (len >= 60) {
				const bytes = len - 59;
				len = input.readUIntLE(i, bytes);
				i += bytes;
			}
			len += 1;
			if (i + len > input.length || o + len > length) throw new RangeError('bad literal');
			input.copy(out, o, i, i + len);
			i += len;
			o += len;
			continue;
		}
		let len: number;
		let offset: number;
		if (type === 1) {
			len = ((tag >> 2) & 7) + 4;
			offset = ((tag >> 5) << 8) | input[i++]!;
		} else if (type === 2) {
			len = (tag >> 2) + 1;
			offset = input.readUInt16LE(i);
			i += 2;
		} else {
			len = (tag >> 2) + 1;
			offset = input.readUInt32LE(i);
			i += 4;
		}
		if (offset === 0 || offset > o || o + len > length) throw new RangeError('bad copy');
		for (let k = 0; k < len; k++, o++) out[o] = out[o - offset]!;
	}
	if (o !== length) throw new RangeError('short');
	return out;
}

/** A block of a LevelDB table: its contents, Snappy-decompressed when the trailer says so. */
function readBlock(file: Buffer, offset: number, size: number): Buffer {
	const contents = file.subarray(offset, offset + size);
	return file[offset + size] === 1 ? snappyDecompress(contents) : contents;
}

/** The values of a block's entries (leveldb/table/block.cc). */
function blockValues(block: Buffer): Buffer[] {
	const restarts = block.readUInt32LE(block.length - 4);
	const end = block.length - 4 - 4 * restarts;
	const values: Buffer[] = [];
	let at = 0;
	while (at < end) {
		const [, a] = varint(block, at);
		const [nonShared, b] = varint(block, a);
		const [valueLength, c] = varint(block, b);
		const valueAt = c + nonShared;
		values.push(block.subarray(valueAt, valueAt + valueLength));
		at = valueAt + valueLength;
	}
	return values;
}

/** Every data block of a LevelDB table file (.ldb), decompressed (leveldb/doc/table_format.md). */
export function levelDbBlocks(file: Buffer): Buffer[] {
	if (file.length < 48) return [];
	const footer = file.subarray(file.length - 48);
	if (footer.readUInt32LE(40) !== 0x8b80fb57 || footer.readUInt32LE(44) !== 0xdb477524) return [];
	let [, at] = varint(footer, 0);
	[, at] = varint(footer, at);
	const [indexOffset, next] = varint(footer, at);
	const [indexSize] = varint(footer, next);
	const index = readBlock(file, indexOffset, indexSize);
	return blockValues(index).map((handle) => {
		const [offset, n] = varint(handle, 0);
		const [size] = varint(handle, n);
		return readBlock(file, offset, size);
	});
}

/** Values Chromium compressed before storing them: each 0xFF 0x11 0x02 marker, decompressed. */
export function wrappedValues(bytes: Buffer): Buffer[] {
	const out: Buffer[] = [];
	const marker = Buffer.from([0xff, 0x11, 0x02]);
	for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) {
		try {
			out.push(snappyDecompress(bytes.subarray(at + 3)));
		} catch {
			// Not a compressed value: three bytes that happen to look like the marker.
		}
	}
	return out;
}

/** A file's bytes as stored and as they read once LevelDB's and IndexedDB's compression is undone. */
export function readableContents(path: string): Buffer[] {
	const raw = readFileSync(path);
	const layers = [raw, ...(path.endsWith('.ldb') ? levelDbBlocks(raw) : [])];
	return [...layers, ...layers.flatMap(wrappedValues)];
}

export interface Needle {
	label: string;
	bytes: Buffer;
}

/**
 * The ways a value can sit in a file: text as UTF-8, as Latin-1 (V8 writes a string whose
 * characters all fit in one byte that way, "Kviksølv" included) and as UTF-16LE; a number as
 * its decimal text and as its little-endian float64 bytes (typed arrays and numbers alike).
 */
export function needlesFor(value: string | number): Needle[] {
	if (typeof value === 'number') {
		const f64 = Buffer.alloc(8);
		f64.writeDoubleLE(value);
		return [
			{ label: `${value} as text`, bytes: Buffer.from(String(value), 'latin1') },
			{ label: `${value} as float64`, bytes: f64 }
		];
	}
	const out = [
		{ label: `"${value}" (UTF-8)`, bytes: Buffer.from(value, 'utf8') },
		{ label: `"${value}" (UTF-16LE)`, bytes: Buffer.from(value, 'utf16le') }
	];
	const oneByte = [...value].every((c) => c.charCodeAt(0) <= 0xff);
	if (oneByte && [...value].some((c) => c.charCodeAt(0) >= 0x80))
		out.push({ label: `"${value}" (Latin-1)`, bytes: Buffer.from(value, 'latin1') });
	return out;
}

/** Which needles can be read in which files. */
export function findInFiles(files: string[], needles: Needle[]): string[] {
	const hits = new Set<string>();
	for (const file of files)
		for (const content of readableContents(file))
			for (const n of needles) if (content.includes(n.bytes)) hits.add(`${n.label} in ${file}`);
	return [...hits];
}
