import { describe, expect, it } from 'vitest';
import { newId } from '../records/ids';
import {
	appendToChunks,
	CHUNK_SIZE,
	decodeChunk,
	encodeChunk,
	packChunks,
	TrackChunk,
	unpackChunks
} from './chunks';
import { GAP_BEFORE } from './fix';
import { syntheticTrack } from './synthetic';
import { sliceTrack, trackToFixes, type Track } from './track';

const ID = newId();
const T0 = Date.UTC(2026, 2, 3, 9, 0);

/** 10,000 fixes (under three hours at 1 Hz) with a gap in them. */
const day: Track = sliceTrack(
	syntheticTrack({
		seed: 3,
		start: T0,
		stops: [{ lat: 55.6649, lon: 12.5516, dwellMs: 10_100_000 }],
		gaps: [{ at: 100_000, durationMs: 60_000 }]
	}).track,
	0,
	10_000
);

/** Column by column; far faster than a deep toEqual over 10,000-element typed arrays. */
function expectSameTrack(a: Track, b: Track) {
	expect(a.count).toBe(b.count);
	for (const col of ['t', 'lat', 'lon', 'acc', 'src'] as const) {
		const x = a[col];
		const y = b[col];
		expect(x.length).toBe(y.length);
		expect(
			x.every((v, i) => Object.is(v, y[i])),
			col
		).toBe(true);
	}
}

describe('packChunks / unpackChunks', () => {
	it('packs 10,000 fixes into three rows with their own small buffers', () => {
		const chunks = packChunks(ID, day);
		expect(chunks.map((c) => [c.seq, c.count])).toEqual([
			[0, CHUNK_SIZE],
			[1, CHUNK_SIZE],
			[2, 10_000 - 2 * CHUNK_SIZE]
		]);
		// Structured clone stores a view's whole buffer: each chunk must own just its part.
		for (const c of chunks) expect(c.t.buffer.byteLength).toBe(c.count * 8);
		for (const c of chunks) expect(TrackChunk.safeParse(c).success).toBe(true);
	});

	it('unpacks in seq order whatever order the rows come in, gaps included', () => {
		const chunks = packChunks(ID, day);
		const back = unpackChunks([chunks[2]!, chunks[0]!, chunks[1]!]);
		expectSameTrack(back, day);
		expect(back.src.some((b) => (b & GAP_BEFORE) !== 0)).toBe(true);
		expect(unpackChunks([]).count).toBe(0);
	});

	it('refuses to assemble a track from mismatched rows', () => {
		const chunks = packChunks(ID, day);
		expect(() => unpackChunks([chunks[0]!, { ...chunks[1]!, followAlongId: newId() }])).toThrow(
			/different/
		);
		expect(() => unpackChunks([chunks[0]!, chunks[0]!])).toThrow(/twice/);
		expect(() => unpackChunks([{ ...chunks[0]!, seq: 5 }, chunks[1]!])).toThrow(/before/);
	});
});

describe('appendToChunks', () => {
	it('tops up the open chunk on each flush, so a day stays a few rows', () => {
		const rows = new Map<number, TrackChunk>();
		let last: TrackChunk | undefined;
		// Flushes of 10 fixes each (10 s at 1 Hz), as the recorder writes them.
		for (let from = 0; from < day.count; from += 10) {
			for (const c of appendToChunks(
				ID,
				last,
				sliceTrack(day, from, Math.min(day.count, from + 10))
			)) {
				rows.set(c.seq, c);
				last = c;
			}
		}
		expect(rows.size).toBe(3);
		expectSameTrack(unpackChunks([...rows.values()]), day);
	});

	it('accepts plain fixes and refuses older ones or another follow-along', () => {
		const [first] = appendToChunks(ID, undefined, trackToFixes(day, 0, 5));
		expect(first!.count).toBe(5);
		expect(() => appendToChunks(ID, first, trackToFixes(day, 0, 1))).toThrow(RangeError);
		expect(() => appendToChunks(newId(), first, trackToFixes(day, 5, 6))).toThrow(/another/);
		expect(appendToChunks(ID, first, [])).toEqual([]);
	});
});

describe('encodeChunk / decodeChunk', () => {
	it('round-trips exactly through JSON', () => {
		const [chunk] = packChunks(ID, day);
		const json = JSON.stringify(encodeChunk(chunk!));
		// 29 bytes a fix, a third more in base64.
		expect(json.length).toBeLessThan(160_000);
		const back = decodeChunk(JSON.parse(json));
		expect([back.followAlongId, back.seq, back.count]).toEqual([ID, 0, CHUNK_SIZE]);
		expectSameTrack(back, chunk!);
	});

	it('refuses tampered content', () => {
		const enc = encodeChunk(packChunks(ID, day)[0]!);
		expect(() => decodeChunk({ ...enc, count: enc.count - 1 })).toThrow();
		expect(() => decodeChunk({ ...enc, t: enc.t.slice(4) })).toThrow();
		expect(() => decodeChunk({ ...enc, lat: '!!!!' })).toThrow();
		const lat = Float64Array.from({ length: enc.count }, () => 95);
		const bad = encodeChunk({ ...packChunks(ID, day)[0]!, lat });
		expect(() => decodeChunk(bad)).toThrow(/out of range/);
	});
});
