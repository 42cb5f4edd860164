import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { checkGpxSize, MAX_GPX_BYTES, parseGpx, type GpxProblemCode, type XmlParser } from './gpx';
import { gapBefore, sourceAt } from './track';
import { pathToFileURL } from 'node:url';
import { sharedPath } from '../../../../tests/shared-dir';

const FIXTURES = pathToFileURL(sharedPath('fixtures/gpx') + '/');
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** xmldom reports recoverable errors on the console; a browser's DOMParser does not. */
const parser: XmlParser = new DOMParser({ onError: () => {} });

function problem(text: string | Uint8Array, p: XmlParser = parser): GpxProblemCode | undefined {
	const r = parseGpx(text, p);
	return r.ok ? undefined : r.problem.code;
}

const gpx11 = (body: string) =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;
const pt = (lat: number | string, lon: number | string, time?: string) =>
	`<trkpt lat="${lat}" lon="${lon}">${time ? `<time>${time}</time>` : ''}</trkpt>`;
const seg = (...pts: string[]) => `<trkseg>${pts.join('')}</trkseg>`;
const trk = (...segs: string[]) => `<trk><name>t</name>${segs.join('')}</trk>`;

describe('parseGpx: real tracks', () => {
	it('imports the Washington DC run: 206 timed points, 15:48 long, 3.1 km', () => {
		const r = parseGpx(fixture('mapbox-togeojson_run_washington-dc.gpx'), parser);
		if (!r.ok) throw new Error(r.problem.message);
		expect(r.value.pointCount).toBe(206);
		expect(r.value.track.count).toBe(206);
		expect(r.value.durationMs).toBe((15 * 60 + 48) * 1000);
		expect(r.value.start).toBe(Date.UTC(2012, 9, 24, 23, 29, 40));
		expect(r.value.distanceM).toBeGreaterThan(3050);
		expect(r.value.distanceM).toBeLessThan(3150);
		expect(r.value.version).toBe('1.1');
		expect(r.value.segments).toEqual([
			{ track: 0, segment: 0, name: 'Untitled', from: 0, to: 206 }
		]);
		expect(sourceAt(r.value.track, 0)).toBe('imported');
	});

	it('imports the San Francisco run: 1118 points, 20:56 long, 3.6 km', () => {
		const r = parseGpx(fixture('mapbox-togeojson_run_gpxtpx_san-francisco.gpx'), parser);
		if (!r.ok) throw new Error(r.problem.message);
		expect(r.value.pointCount).toBe(1118);
		expect(r.value.durationMs).toBe((20 * 60 + 56) * 1000);
		expect(r.value.distanceM).toBeGreaterThan(3550);
		expect(r.value.distanceM).toBeLessThan(3650);
		expect(r.value.name).toBe('Greeting SF with a dumb, dumb route');
	});
});

describe('parseGpx: structure', () => {
	it('reads GPX 1.0 with several tracks and segments; each segment boundary is a gap', () => {
		const text = `<?xml version="1.0"?><gpx version="1.0" creator="x" xmlns="http://www.topografix.com/GPX/1/0">
			<wpt lat="55.1" lon="12.1"><time>2026-03-03T09:00:00Z</time><name>Bench</name></wpt>
			${trk(
				seg(pt(55, 12, '2026-03-03T09:00:00Z'), pt(55.001, 12, '2026-03-03T09:01:00Z')),
				seg(pt(55.1, 12, '2026-03-03T09:10:00Z'), pt(55.101, 12, '2026-03-03T09:11:00Z'))
			)}
			${trk(seg(pt(55.2, 12, '2026-03-03T10:00:00Z'), pt(55.2, 12.001, '2026-03-03T10:02:00Z')))}
		</gpx>`;
		const r = parseGpx(text, parser);
		if (!r.ok) throw new Error(r.problem.message);
		const v = r.value;
		expect(v.version).toBe('1.0');
		expect(v.pointCount).toBe(6);
		expect(v.segments.map((s) => [s.track, s.segment, s.from, s.to])).toEqual([
			[0, 0, 0, 2],
			[0, 1, 2, 4],
			[1, 0, 4, 6]
		]);
		expect([0, 1, 2, 3, 4, 5].map((i) => gapBefore(v.track, i))).toEqual([
			false,
			false,
			true,
			false,
			true,
			false
		]);
		// Three short pieces of about 111, 111 and 64 m: nothing is counted across the gaps.
		expect(v.distanceM).toBeGreaterThan(280);
		expect(v.distanceM).toBeLessThan(290);
		expect(v.durationMs).toBe(62 * 60_000);
		expect(v.waypoints).toEqual([
			{ lat: 55.1, lon: 12.1, t: Date.UTC(2026, 2, 3, 9), name: 'Bench' }
		]);
	});

	it('splits a segment at a hole longer than the gap limit, and reads times without a zone as UTC', () => {
		const text = gpx11(
			trk(
				seg(
					pt(55, 12, '2026-03-03T09:00:00'),
					pt(55, 12, '2026-03-03T09:01:00'),
					pt(55, 12, '2026-03-03T09:20:00')
				)
			)
		);
		// Date.parse reads a time without a zone as local time; GPX times are UTC.
		const tz = process.env.TZ;
		process.env.TZ = 'Europe/Copenhagen';
		let r: ReturnType<typeof parseGpx>;
		try {
			r = parseGpx(text, parser);
		} finally {
			if (tz === undefined) delete process.env.TZ;
			else process.env.TZ = tz;
		}
		if (!r.ok) throw new Error(r.problem.message);
		expect(r.value.start).toBe(Date.UTC(2026, 2, 3, 9));
		expect([0, 1, 2].map((i) => gapBefore(r.value.track, i))).toEqual([false, false, true]);
		const kept = parseGpx(text, parser, { gapMs: Infinity });
		expect(kept.ok && gapBefore(kept.value.track, 2)).toBe(false);
	});

	it('accepts bytes, honouring a BOM and a declared encoding', () => {
		const utf8 = new TextEncoder().encode(
			'\uFEFF' +
				gpx11(trk(seg(pt(55, 12, '2026-03-03T09:00:00Z'), pt(55, 12, '2026-03-03T09:00:01Z'))))
		);
		expect(parseGpx(utf8, parser).ok).toBe(true);
		const latin1Text = `<?xml version="1.0" encoding="ISO-8859-1"?><gpx version="1.1"><trk><name>N\xF8rrebro</name>${seg(pt(55, 12, '2026-03-03T09:00:00Z'), pt(55, 12, '2026-03-03T09:00:01Z'))}</trk></gpx>`;
		const latin1 = Uint8Array.from(latin1Text, (c) => c.charCodeAt(0));
		const r = parseGpx(latin1, parser);
		expect(r.ok && r.value.name).toBe('Nørrebro');
	});
});

describe('parseGpx: bad input gives a typed problem and nothing else', () => {
	const ok = [pt(55, 12, '2026-03-03T09:00:00Z'), pt(55.001, 12, '2026-03-03T09:00:10Z')];

	it.each<[string, string, GpxProblemCode]>([
		['plain text', 'this is not a GPX file', 'not-xml'],
		['broken XML', '<gpx version="1.1"><trk></gpx>', 'not-xml'],
		['empty', '', 'empty'],
		['only white space', ' \n\t', 'empty'],
		[
			'KML',
			'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>',
			'not-gpx'
		],
		['HTML', '<html><body><p>hi</p></body></html>', 'not-gpx'],
		['a GPX without tracks', gpx11('<metadata><name>x</name></metadata>'), 'no-points'],
		['only waypoints', gpx11('<wpt lat="55" lon="12"><name>x</name></wpt>'), 'no-points'],
		[
			'only a planned route',
			gpx11(`<rte>${'<rtept lat="55" lon="12"/>'.repeat(3)}</rte>`),
			'no-points'
		],
		['points without times', gpx11(trk(seg(pt(55, 12), pt(55.1, 12)))), 'missing-times'],
		['one point without a time', gpx11(trk(seg(...ok, pt(55.002, 12)))), 'missing-times'],
		[
			'a whole segment without times',
			gpx11(trk(seg(...ok), seg(pt(55, 12), pt(55.1, 12)))),
			'missing-times'
		],
		[
			'an unreadable time',
			gpx11(trk(seg(...ok, pt(55.002, 12, 'yesterday-ish')))),
			'missing-times'
		],
		[
			'latitude out of range',
			gpx11(trk(seg(...ok, pt(95, 12, '2026-03-03T09:00:20Z')))),
			'coordinates-out-of-range'
		],
		[
			'longitude out of range',
			gpx11(trk(seg(pt(55, -181, '2026-03-03T08:00:00Z'), ...ok))),
			'coordinates-out-of-range'
		],
		[
			'unreadable coordinates',
			gpx11(trk(seg(...ok, pt('abc', 12, '2026-03-03T09:00:20Z')))),
			'bad-coordinates'
		],
		[
			'times going backwards',
			gpx11(trk(seg(...ok, pt(55, 12, '2026-03-03T08:59:00Z')))),
			'time-backwards'
		],
		['overlapping tracks', gpx11(trk(seg(...ok)) + trk(seg(...ok))), 'time-backwards']
	])('%s', (_name, text, code) => {
		expect(problem(text)).toBe(code);
	});

	it('rejects a billion-laughs entity attack before parsing', () => {
		const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><gpx version="1.1"><trk><name>&lol3;</name></trk></gpx>`;
		const spy = {
			parseFromString: vi.fn(() => new DOMParser().parseFromString('<gpx/>', 'application/xml'))
		};
		expect(problem(lol, spy)).toBe('entity-declaration');
		expect(problem('<!doctype gpx><gpx/>', spy)).toBe('entity-declaration');
		expect(spy.parseFromString).not.toHaveBeenCalled();
	});

	it('rejects a file over 50 MB on its size, before reading it', () => {
		expect(checkGpxSize(MAX_GPX_BYTES)).toBeNull();
		expect(checkGpxSize(MAX_GPX_BYTES + 1)?.code).toBe('too-large');
		const spy = {
			parseFromString: vi.fn(() => new DOMParser().parseFromString('<gpx/>', 'application/xml'))
		};
		expect(problem(new Uint8Array(MAX_GPX_BYTES + 1), spy)).toBe('too-large');
		// 20 million 3-byte characters: 60 MB of UTF-8 in a 20-million-character string.
		expect(problem('€'.repeat(20_000_000), spy)).toBe('too-large');
		expect(spy.parseFromString).not.toHaveBeenCalled();
	});

	it('names the offending point in the problem', () => {
		const r = parseGpx(gpx11(trk(seg(...ok, pt(95, 12, '2026-03-03T09:00:20Z')))), parser);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.problem.point).toBe(2);
			expect(r.problem.message).toMatch(/point 3/);
		}
	});
});
