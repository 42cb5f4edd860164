import { gpx as gpxToGeoJson } from '@tmcw/togeojson';
import { buildTrack, countPoints, waypointsOf } from './gpx-features';
import { trackDistance, type Track } from './track';
import { decodeXmlBytes, utf8Length } from './xml-text';

/** Larger files are refused on their size, before they are read. */
export const MAX_GPX_BYTES = 50 * 1024 * 1024;

/** Inside one segment, a hole without points longer than this is a gap (see `GpxOptions`). */
export const GPX_GAP_MS = 5 * 60_000;

export type GpxProblemCode =
	| 'too-large'
	| 'empty'
	| 'entity-declaration'
	| 'not-xml'
	| 'not-gpx'
	| 'no-points'
	| 'missing-times'
	| 'bad-coordinates'
	| 'coordinates-out-of-range'
	| 'time-backwards';

/**
 * Why a file was refused. `code` is for the message catalogue; `message` is English detail for
 * logs; `point` is the 0-based index of the offending track point in document order.
 */
export interface GpxProblem {
	code: GpxProblemCode;
	message: string;
	point?: number;
}

/** The document type togeojson accepts: the browser's DOM, or xmldom's in node. */
export type GpxDocument = Parameters<typeof gpxToGeoJson>[0];

/** A DOMParser: `new DOMParser()` in the browser, `@xmldom/xmldom`'s in node. */
export interface XmlParser {
	parseFromString(text: string, mimeType: 'application/xml'): GpxDocument;
}

/** One `<trkseg>`: fixes `from` to `to - 1` of the track. */
export interface GpxSegment {
	track: number;
	segment: number;
	name: string | null;
	from: number;
	to: number;
}

export interface GpxWaypoint {
	lat: number;
	lon: number;
	t: number | null;
	name: string | null;
}

export interface GpxImport {
	version: '1.0' | '1.1' | null;
	/** The first track's name. */
	name: string | null;
	/**
	 * All track points in time order, source `imported`, accuracy unknown. The first fix of
	 * every segment after the first, and the first after a hole longer than `gapMs`, carries the
	 * gap flag: the import never draws a line between segments.
	 */
	track: Track;
	segments: GpxSegment[];
	waypoints: GpxWaypoint[];
	pointCount: number;
	/**
	 * Points togeojson leaves out: a segment of a single point (a GeoJSON LineString needs two).
	 */
	skippedPoints: number;
	start: number;
	end: number;
	durationMs: number;
	/** Metres, summed within segments. */
	distanceM: number;
}

export type GpxResult = { ok: true; value: GpxImport } | { ok: false; problem: GpxProblem };

export interface GpxOptions {
	/** A hole longer than this inside a segment becomes a gap (default 5 min; Infinity: never). */
	gapMs?: number;
	maxBytes?: number;
}

/** A file of no bytes, or of nothing but white space (and a byte-order mark). */
export function isBlank(text: string): boolean {
	return /^[\s\uFEFF]*$/.test(text);
}

/** The size check alone, for callers that know a file's size before reading it. */
export function checkGpxSize(bytes: number, maxBytes = MAX_GPX_BYTES): GpxProblem | null {
	if (bytes <= maxBytes) return null;
	const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
	return { code: 'too-large', message: `file is ${mb(bytes)} MB; the limit is ${mb(maxBytes)} MB` };
}

// Any DTD is refused: GPX needs none, and internal entities are how "billion laughs"
// (CVE-2003-1564 and kin) blows up a parser. Checked on the text, before any parser sees it.
const DTD = /<!\s*(?:DOCTYPE|ENTITY)/i;

/**
 * Reads a GPX 1.0 or 1.1 file with @tmcw/togeojson. Tracks (`trk`) are imported; waypoints are
 * returned beside them; planned routes (`rte`) are not a record of movement and are ignored.
 * Either everything is returned or a single problem and nothing else.
 */
export function parseGpx(
	input: string | Uint8Array | ArrayBuffer,
	parser: XmlParser,
	options: GpxOptions = {}
): GpxResult {
	const maxBytes = options.maxBytes ?? MAX_GPX_BYTES;
	const bytes = typeof input === 'string' ? utf8Length(input, maxBytes) : input.byteLength;
	const tooLarge = checkGpxSize(bytes, maxBytes);
	if (tooLarge) return fail(tooLarge);
	const text = typeof input === 'string' ? input : decodeXmlBytes(input);
	if (isBlank(text)) return problem('empty', 'the file is empty');
	if (DTD.test(text))
		return problem('entity-declaration', 'the file declares a DTD or entities; GPX needs none');

	let doc: GpxDocument;
	try {
		doc = parser.parseFromString(text, 'application/xml');
	} catch (e) {
		return problem('not-xml', `not well-formed XML: ${(e as Error).message}`);
	}
	const dom = doc as unknown as MiniDocument;
	const root = dom.documentElement;
	if (!root || dom.getElementsByTagName('parsererror').length > 0)
		return problem('not-xml', 'not well-formed XML');
	if ((root.localName ?? root.nodeName) !== 'gpx')
		return problem('not-gpx', `the document is <${root.nodeName}>, not <gpx>`);

	const features = gpxToGeoJson(doc).features;
	const tracks = features.filter((f) => f.properties?._gpxType === 'trk');
	const counted = countPoints(tracks);
	const inFile = dom.getElementsByTagName('trkpt').length;
	if (counted < inFile) {
		const bad = firstUnreadablePoint(dom);
		if (bad >= 0)
			return problem('bad-coordinates', `point ${bad + 1} has no readable lat/lon`, bad);
	}
	if (counted === 0) {
		const routes = features.some((f) => f.properties?._gpxType === 'rte');
		return problem(
			'no-points',
			routes ? 'only a planned route, no recorded track' : 'no track points'
		);
	}
	const built = buildTrack(tracks, counted, options.gapMs ?? GPX_GAP_MS);
	if ('code' in built) return fail(built);
	const { track, segments } = built;
	const start = track.t[0]!;
	const end = track.t[track.count - 1]!;
	return {
		ok: true,
		value: {
			version: gpxVersion(root),
			name: (tracks[0]?.properties?.name as string | undefined) ?? null,
			track,
			segments,
			waypoints: waypointsOf(features),
			pointCount: track.count,
			skippedPoints: inFile - counted,
			start,
			end,
			durationMs: end - start,
			distanceM: trackDistance(track)
		}
	};
}

function gpxVersion(root: MiniElement): '1.0' | '1.1' | null {
	const v = root.getAttribute('version') ?? '';
	const ns = root.namespaceURI ?? '';
	if (v === '1.1' || ns.endsWith('/GPX/1/1')) return '1.1';
	if (v === '1.0' || ns.endsWith('/GPX/1/0')) return '1.0';
	return null;
}

/** Only reached when togeojson dropped points: finds the first without a usable lat/lon. */
function firstUnreadablePoint(dom: MiniDocument): number {
	const pts = dom.getElementsByTagName('trkpt');
	for (let i = 0; i < pts.length; i++) {
		const p = pts[i]!;
		const lat = Number.parseFloat(p.getAttribute('lat') ?? '');
		const lon = Number.parseFloat(p.getAttribute('lon') ?? '');
		if (Number.isNaN(lat) || Number.isNaN(lon)) return i;
	}
	return -1;
}

/** The little of the DOM used here, common to the browser's and xmldom's. */
interface MiniElement {
	nodeName: string;
	localName?: string | null;
	namespaceURI?: string | null;
	getAttribute(name: string): string | null;
}
interface MiniDocument {
	documentElement: MiniElement | null;
	getElementsByTagName(name: string): { length: number; [i: number]: MiniElement | undefined };
}

function problem(code: GpxProblemCode, message: string, point?: number): GpxResult {
	return fail(point === undefined ? { code, message } : { code, message, point });
}

function fail(p: GpxProblem): GpxResult {
	return { ok: false, problem: p };
}
