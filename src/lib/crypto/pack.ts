import { fromUtf8, utf8, type Bytes } from './bytes';

/**
 * Turns record content into bytes and back, typed arrays included (a fix chunk's Float64Array
 * columns), which JSON alone would turn into {"0":…,"1":…} objects.
 *
 * Layout: [JSON length u32 LE][JSON][padding to 8][binary section]. Each typed array becomes
 * {"\u0000bin": [type, offset, length]} in the JSON and its bytes go, 8-aligned, into the binary
 * section. Unpacking copies each array into its own buffer: views sharing one buffer would all be
 * detached when one of them is transferred to a worker. Byte order is the
 * platform's (little-endian on every device Stedsans runs on); sealed payloads never leave the
 * device: backups are built from opened records.
 */
const MARK = '\u0000bin';

const TYPES = {
	u8: Uint8Array,
	i8: Int8Array,
	u8c: Uint8ClampedArray,
	u16: Uint16Array,
	i16: Int16Array,
	u32: Uint32Array,
	i32: Int32Array,
	f32: Float32Array,
	f64: Float64Array,
	bu64: BigUint64Array,
	bi64: BigInt64Array
} as const;
type TypeName = keyof typeof TYPES;
const NAMES = new Map<unknown, TypeName>(
	Object.entries(TYPES).map(([name, ctor]) => [ctor, name as TypeName])
);

const align8 = (n: number) => (n + 7) & ~7;

function refuse(value: object, key: string): never {
	throw new TypeError(`cannot store a ${value.constructor.name} (at "${key}")`);
}

/**
 * Whether `value` holds typed arrays; throws on what JSON would silently mangle (Date, Map, Set,
 * ArrayBuffer) and on the reserved key. A plain walk is far cheaper than a JSON.stringify
 * replacer, which calls back into script for every value: notes take the fast path.
 */
function hasTypedArrays(value: unknown, key = ''): boolean {
	if (typeof value !== 'object' || value === null) return false;
	if (ArrayBuffer.isView(value)) return true;
	let found = false;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) found = hasTypedArrays(value[i], key) || found;
		return found;
	}
	if (value instanceof Date || value instanceof Map || value instanceof Set) refuse(value, key);
	if (value instanceof ArrayBuffer) refuse(value, key);
	for (const k in value) {
		if (k === MARK) throw new TypeError(`"${MARK}" is a reserved key`);
		found = hasTypedArrays((value as Record<string, unknown>)[k], k) || found;
	}
	return found;
}

function frame(json: string, binaryLength: number): { out: Bytes; base: number } {
	const text = utf8(json);
	const base = align8(4 + text.length);
	const out = new Uint8Array(base + binaryLength);
	new DataView(out.buffer).setUint32(0, text.length, true);
	out.set(text, 4);
	return { out, base };
}

export function pack(content: unknown): Bytes {
	if (!hasTypedArrays(content)) {
		const json = JSON.stringify(content);
		if (json === undefined) throw new TypeError('nothing to store');
		return frame(json, 0).out;
	}
	const arrays: ArrayBufferView[] = [];
	const offsets: number[] = [];
	let binaryLength = 0;
	const json = JSON.stringify(content, (_key, value: unknown) => {
		if (typeof value !== 'object' || value === null || !ArrayBuffer.isView(value)) return value;
		const type = NAMES.get(value.constructor);
		if (!type) throw new TypeError(`cannot store a ${value.constructor.name}`);
		arrays.push(value);
		offsets.push(binaryLength);
		const at = binaryLength;
		binaryLength = align8(binaryLength + value.byteLength);
		return { [MARK]: [type, at, (value as unknown as { length: number }).length] };
	});
	const { out, base } = frame(json, binaryLength);
	arrays.forEach((a, i) =>
		out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), base + offsets[i]!)
	);
	return out;
}

export function unpack(bytes: Bytes): unknown {
	const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
	const json = fromUtf8(bytes.subarray(4, 4 + length));
	const base = bytes.byteOffset + align8(4 + length);
	if (base === bytes.byteOffset + bytes.length) return JSON.parse(json);
	return JSON.parse(json, (_key, value: unknown) => {
		if (typeof value !== 'object' || value === null || !(MARK in value)) return value;
		const [type, at, count] = (value as Record<string, [TypeName, number, number]>)[MARK]!;
		const Ctor = TYPES[type];
		if (!Ctor) throw new TypeError(`unknown array type ${type}`);
		const start = base + at;
		return new Ctor(bytes.buffer.slice(start, start + count * Ctor.BYTES_PER_ELEMENT));
	});
}
