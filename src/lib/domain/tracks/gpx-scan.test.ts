import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_GPX_BYTES, parseGpx, type GpxResult, type XmlParser } from './gpx';
import { readGpx, scanGpx } from './gpx-scan';
import { isoTime } from './gpx-features';
import { utcTime } from './gpx-features';
import { toGpx } from './gpx-export';
import { syntheticDay } from './synthetic';
import { trackToFixes } from './track';
import { pathToFileURL } from 'node:url';
import { sharedPath } from '../../../../tests/shared-dir';

const FIXTURES = pathToFileURL(sharedPath('fixtures/gpx') + '/');
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const parser: XmlParser = new DOMParser({ onError: () => {} });

const gpx11 = (body: string, attrs = '') =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"${attrs}>${body}</gpx>`;
const pt = (lat: number | string, lon: number | string, time?: string, inner = '') =>
	`<trkpt lat="${lat}" lon="${lon}">${inner}${time !== undefined ? `<time>${time}</time>` : ''}</trkpt>`;
const seg = (...pts: string[]) => `<trkseg>${pts.join('')}</trkseg>`;
const trk = (name: string, ...segs: string[]) => `<trk><name>${name}</name>${segs.join('')}</trk>`;
const T = (min: number, s = 0) =>
	`2026-03-03T09:${String(min).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`;
const ok = [pt(55, 12, T(0)), pt(55.001, 12, T(0, 10))];

/** What a result means, with the track as plain fixes so toEqual compares values. */
function plain(r: GpxResult) {
	if (!r.ok) return { ok: false, code: r.problem.code, point: r.problem.point };
	const { track, ...rest } = r.value;
	return { ok: true, ...rest, fixes: trackToFixes(track) };
}

describe('readGpx gives what parseGpx (DOMParser + togeojson) gives', () => {
	const cases: [string, string][] = [
		['the Washington DC run', fixture('mapbox-togeojson_run_washington-dc.gpx')],
		['the San Francisco run', fixture('mapbox-togeojson_run_gpxtpx_san-francisco.gpx')],
		[
			'GPX 1.0, several tracks, segments and a waypoint',
			`<?xml version="1.0"?><gpx version="1.0" creator="x" xmlns="http://www.topografix.com/GPX/1/0">
			<wpt lat="55.1" lon="12.1"><time>2026-03-03T09:00:00Z</time><name>Bench</name></wpt>
			${trk('a', seg(pt(55, 12, T(0)), pt(55.001, 12, T(1))), seg(pt(55.1, 12, T(10)), pt(55.101, 12, T(11))))}
			${trk('b', seg(pt(55.2, 12, '2026-03-03T10:00:00Z'), pt(55.2, 12.001, '2026-03-03T10:02:00Z')))}
			</gpx>`
		],
		[
			'tracks listed out of time order',
			gpx11(trk('late', seg(pt(55, 12, T(30)), pt(55, 12, T(31)))) + trk('early', seg(...ok)))
		],
		[
			'a hole inside a segment',
			gpx11(trk('h', seg(pt(55, 12, T(0)), pt(55, 12, T(1)), pt(55, 12, T(20)))))
		],
		[
			'a one-point segment is skipped',
			gpx11(trk('s', seg(pt(54, 11, T(0))), seg(pt(55, 12, T(1)), pt(55, 12, T(2)))))
		],
		[
			'times without a zone',
			gpx11(trk('z', seg(pt(55, 12, '2026-03-03T09:00:00'), pt(55, 12, '2026-03-03T09:00:05'))))
		],
		[
			'a name with entities and CDATA',
			gpx11(`<trk><name>A &amp; B <![CDATA[<&>]]> &#248;</name>${seg(...ok)}</trk>`)
		],
		[
			'comments, a PI and whitespace',
			`<?xml version="1.0"?>\n<!-- a comment -->\n<?app some data?>\n${gpx11(trk('c', seg(...ok))).replace(/^<\?xml[^>]*>\n/, '')}\n<!-- end -->\n`
		],
		[
			'single quotes and spaces in attributes',
			gpx11(
				`<trk><trkseg><trkpt lon = '12' lat='55'><time>${T(0)}</time></trkpt><trkpt lat="55.1"  lon="12"><time> ${T(1)}</time></trkpt></trkseg></trk>`
			)
		],
		[
			'extensions with prefixed elements',
			gpx11(
				trk(
					'e',
					seg(
						pt(55, 12, T(0), '<extensions><x:hr>100</x:hr><x:time>no</x:time></extensions>'),
						pt(55, 12.001, T(1))
					)
				),
				' xmlns:x="urn:x"'
			)
		],
		[
			'a route and waypoints only',
			gpx11(
				`<wpt lat="55" lon="12"><name>x</name></wpt><rte>${'<rtept lat="55" lon="12"/>'.repeat(3)}</rte>`
			)
		],
		['no tracks at all', gpx11('<metadata><name>x</name></metadata>')],
		['KML', '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>'],
		['HTML', '<html><body><p>hi</p></body></html>'],
		['points without times', gpx11(trk('t', seg(pt(55, 12), pt(55.1, 12))))],
		['one point without a time', gpx11(trk('t', seg(...ok, pt(55.002, 12))))],
		['an empty time', gpx11(trk('t', seg(...ok, pt(55.002, 12, ''))))],
		[
			'a segment without times next to one with',
			gpx11(trk('t', seg(...ok), seg(pt(55, 12), pt(55.1, 12))))
		],
		['an unreadable time', gpx11(trk('t', seg(...ok, pt(55.002, 12, 'yesterday-ish'))))],
		['latitude out of range', gpx11(trk('r', seg(...ok, pt(95, 12, T(0, 20)))))],
		['longitude out of range', gpx11(trk('r', seg(pt(55, -181, '2026-03-03T08:00:00Z'), ...ok)))],
		['unreadable coordinates', gpx11(trk('u', seg(...ok, pt('abc', 12, T(0, 20)))))],
		['times going backwards', gpx11(trk('b', seg(...ok, pt(55, 12, '2026-03-03T08:59:00Z'))))],
		['overlapping tracks', gpx11(trk('o', seg(...ok)) + trk('p', seg(...ok)))],
		[
			'a synthetic day with a gap',
			toGpx(
				syntheticDay({
					seed: 7,
					start: Date.UTC(2026, 2, 3, 8),
					centre: { lat: 55.66, lon: 12.55 }
				}).track,
				{ name: 'day' }
			)
		]
	];
	it.each(cases)('%s', (_name, text) => {
		expect(plain(readGpx(text))).toEqual(plain(parseGpx(text, parser)));
	});

	it('reads bytes with a BOM or a declared encoding as parseGpx does', () => {
		const latin1Text = `<?xml version="1.0" encoding="ISO-8859-1"?><gpx version="1.1"><trk><name>N\xF8rrebro</name>${seg(...ok)}</trk></gpx>`;
		const latin1 = Uint8Array.from(latin1Text, (c) => c.charCodeAt(0));
		expect(plain(readGpx(latin1))).toEqual(plain(parseGpx(latin1, parser)));
		const bom = new TextEncoder().encode('\uFEFF' + gpx11(trk('bom', seg(...ok))));
		expect(plain(readGpx(bom))).toEqual(plain(parseGpx(bom, parser)));
	});
});

describe('readGpx on an empty file', () => {
	it.each([
		['nothing', ''],
		['only white space', '  \n '],
		['a byte-order mark', '\uFEFF']
	])('says it is empty: %s', (_, text) => {
		const r = readGpx(new TextEncoder().encode(text));
		expect(r.ok ? null : r.problem.code).toBe('empty');
	});
});

describe('readGpx refuses what is not well-formed XML', () => {
	const good = trk('x', seg(...ok));
	it.each<[string, string]>([
		['plain text', 'this is not a GPX file'],
		['an unclosed element', '<gpx version="1.1"><trk></gpx>'],
		['a stray end tag', gpx11(good) + '</gpx>'],
		['two roots', gpx11(good) + '<gpx/>'],
		['text after the root', gpx11(good) + 'junk'],
		['an undefined entity', gpx11(`<trk><name>&nbsp;</name>${seg(...ok)}</trk>`)],
		['a bare ampersand', gpx11(`<trk><name>A & B</name>${seg(...ok)}</trk>`)],
		['a bare < in text', gpx11(`<trk><name>a < b</name>${seg(...ok)}</trk>`)],
		[']]> in text', gpx11(`<trk><name>a ]]> b</name>${seg(...ok)}</trk>`)],
		['an unquoted attribute', gpx11(`<trk><trkseg><trkpt lat=55 lon="12"/></trkseg></trk>`)],
		[
			'a repeated attribute',
			gpx11(`<trk><trkseg><trkpt lat="55" lat="56" lon="12"/></trkseg></trk>`)
		],
		['an entity in an attribute', gpx11(`<trk><trkseg><trkpt lat="&x;" lon="12"/></trkseg></trk>`)],
		[
			'an unbound prefix',
			gpx11(trk('x', seg(pt(55, 12, T(0), '<y:hr>1</y:hr>'), pt(55, 12, T(1)))))
		],
		['a control character', gpx11(`<trk><name>a\u0001b</name>${seg(...ok)}</trk>`)],
		['a reference to an illegal character', gpx11(`<trk><name>&#0;</name>${seg(...ok)}</trk>`)],
		['a comment with --', gpx11(`<!-- a -- b -->${good}`)],
		[
			'an XML declaration not at the start',
			` <?xml version="1.0"?>${gpx11(good).replace(/^<\?xml[^>]*>/, '')}`
		],
		['an unclosed CDATA section', gpx11(`<trk><name><![CDATA[x</name>${seg(...ok)}</trk>`)],
		['a lone surrogate', gpx11(`<trk><name>\uD800</name>${seg(...ok)}</trk>`)],
		['a name starting with a digit', gpx11(`<1trk>${seg(...ok)}</1trk>`)]
	])('%s', (_name, text) => {
		const r = readGpx(text);
		expect(r.ok ? 'ok' : r.problem.code).toBe('not-xml');
	});

	it('refuses a DTD and a file over 50 MB before scanning', () => {
		const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><gpx version="1.1"><trk><name>&lol2;</name></trk></gpx>`;
		expect(readGpx(lol)).toMatchObject({ ok: false, problem: { code: 'entity-declaration' } });
		expect(readGpx(new Uint8Array(MAX_GPX_BYTES + 1))).toMatchObject({
			ok: false,
			problem: { code: 'too-large' }
		});
	});

	it('says where the file stops being XML, by line and column', () => {
		// The name starts at line 4, column 9.
		const where = (name: string) => {
			const r = readGpx(gpx11(`\n<trk>\n  <name>${name}</name>${seg(...ok)}</trk>`));
			return r.ok ? 'ok' : r.problem.message;
		};
		expect(where('A < B')).toMatch(/\(line 4, column 12\)$/);
		expect(where('A &nbsp; B')).toMatch(/undefined entity \(line 4, column 11\)$/);
		// saxes reads a bare "&" as a reference up to the next ";", or to the end of the file.
		expect(where('A & B; C')).toMatch(/entity name \(line 4, column 11\)$/);
		expect(where('A & B')).toMatch(/a bare "&".* \(line 4, column 11\)$/);
	});

	it('refuses a DTD in the parser too, without expanding its entities', () => {
		const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><gpx version="1.1"><trk><name>&lol2;</name></trk></gpx>`;
		expect(scanGpx(lol)).toMatchObject({
			ok: false,
			problem: {
				code: 'not-xml',
				message: expect.stringMatching(/DOCTYPE.*\(line 1, column 22\)$/)
			}
		});
	});

	it('reports progress as it scans a long file', () => {
		const day = syntheticDay({
			seed: 3,
			start: Date.UTC(2026, 2, 3, 8),
			centre: { lat: 55.66, lon: 12.55 }
		});
		const text = toGpx(day.track);
		const seen: number[] = [];
		const r = readGpx(text, { onProgress: (f) => seen.push(f) });
		expect(r.ok && r.value.pointCount).toBe(day.track.count);
		expect(seen.length).toBeGreaterThan(1);
		expect(seen.at(-1)).toBe(1);
		expect([...seen].sort((a, b) => a - b)).toEqual(seen);
	});
});

describe('isoTime', () => {
	it('reads every time exactly as utcTime (Date.parse) does', () => {
		const cases = [
			'2026-03-03T09:00:00Z',
			'2026-03-03T09:00:00.5Z',
			'2026-03-03T09:00:00.25Z',
			'2026-03-03T09:00:00.125Z',
			'2026-03-03T09:00:00.1234Z',
			'2012-10-24T23:29:40.000Z',
			'2024-02-29T12:00:00Z',
			'2026-02-30T12:00:00Z',
			'2026-04-31T12:00:00Z',
			'2026-13-01T00:00:00Z',
			'2026-00-10T00:00:00Z',
			'2026-03-03T24:00:00Z',
			'2026-03-03T23:60:00Z',
			'0099-03-03T09:00:00Z',
			'2026-03-03T09:00:00+01:00',
			'2026-03-03T09:00:00',
			'2026-03-03 09:00:00Z',
			'2026-03-03T09:00:00.Z',
			'2026-3-03T09:00:00Z',
			'x026-03-03T09:00:00Z',
			' 2026-03-03T09:00:00Z',
			''
		];
		for (const c of cases) expect([c, isoTime(c)]).toEqual([c, utcTime(c)]);
		for (let t = Date.UTC(2025, 11, 31, 22); t < Date.UTC(2026, 0, 1, 2); t += 997)
			expect(isoTime(new Date(t).toISOString())).toBe(t);
	});
});
