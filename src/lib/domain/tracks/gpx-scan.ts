import {
	checkGpxSize,
	isBlank,
	GPX_GAP_MS,
	MAX_GPX_BYTES,
	type GpxImport,
	type GpxOptions,
	type GpxProblem,
	type GpxProblemCode,
	type GpxResult,
	type GpxWaypoint
} from './gpx';
import { isoTime, utcTime } from './gpx-features';
import { buildColumns, Points, type RawSegment } from './gpx-columns';
import { trackDistance } from './track';
import { decodeXmlBytes, utf8Length } from './xml-text';
import { readXml, XmlSyntaxError, type XmlAttributes, type XmlHandler } from './xml-read';

/**
 * GPX import without a DOM: the same result as `parseGpx` (DOMParser + togeojson), from one pass
 * of the streaming parser in xml-read.ts straight into typed columns. It is several times faster
 * (Chromium's DOMParser alone manages about 50,000 points/s) and runs in a Web Worker, where
 * there is no DOMParser. gpx-scan.test.ts checks that both give the same result.
 *
 * Like togeojson it reads elements by their qualified name (as getElementsByTagName does), drops
 * points without a readable lat/lon and segments of fewer than two points, and takes a point's
 * time from its first `time` element; then the same rules as `buildTrack` apply.
 */

export interface ReadGpxOptions extends GpxOptions {
	/** Called with rising fractions of the text scanned. */
	onProgress?: (fraction: number) => void;
}

// The same guard as parseGpx: any DTD is refused before the text is scanned (billion laughs).
const DTD = /<!\s*(?:DOCTYPE|ENTITY)/i;

export function readGpx(input: string | Uint8Array | ArrayBuffer, options: ReadGpxOptions = {}) {
	const maxBytes = options.maxBytes ?? MAX_GPX_BYTES;
	const bytes = typeof input === 'string' ? utf8Length(input, maxBytes) : input.byteLength;
	const tooLarge = checkGpxSize(bytes, maxBytes);
	if (tooLarge) return fail(tooLarge);
	const text = typeof input === 'string' ? input : decodeXmlBytes(input);
	if (isBlank(text)) return problem('empty', 'the file is empty');
	if (DTD.test(text))
		return problem('entity-declaration', 'the file declares a DTD or entities; GPX needs none');
	return scanGpx(text, options);
}

interface RawWaypoint {
	lat: number;
	lon: number;
	name: string | null;
	time: string | null;
}

type CaptureKind = 'time' | 'track-name' | 'wpt-name' | 'wpt-time';

/** Text being collected for an element. */
interface Capture {
	kind: CaptureKind;
	depth: number;
	text: string;
}

/** Collects what togeojson would read from a GPX, as the scanner reports elements and text. */
class GpxCollector implements XmlHandler {
	readonly points = new Points();
	readonly segments: RawSegment[] = [];
	readonly trackNames: (string | null)[] = [];
	readonly waypoints: RawWaypoint[] = [];
	rootName: string | null = null;
	version: string | null = null;
	/** Every `trkpt` in the document, and the first whose lat/lon cannot be read. */
	allPoints = 0;
	firstUnreadable = -1;
	hasRoute = false;

	#depth = 0;
	#trk = 0;
	#seg = 0;
	#track = -1;
	#trackNamed = false;
	#point = -1;
	#pointDepth = 0;
	#pointTimed = false;
	#wpt: RawWaypoint | null = null;
	#wptDepth = 0;
	#rte = 0;
	#rteValid = 0;
	#captures: Capture[] = [];

	get wantsText(): boolean {
		return this.#captures.length > 0;
	}

	open(name: string, attrs: XmlAttributes): void {
		const depth = ++this.#depth;
		if (this.rootName === null) {
			this.rootName = name;
			this.version = attrs['version']?.value ?? null;
		}
		switch (name) {
			case 'trk':
				if (this.#trk++ === 0) {
					this.#track++;
					this.trackNames.push(null);
					this.#trackNamed = false;
				}
				break;
			case 'trkseg':
				if (this.#trk > 0 && this.#seg++ === 0) {
					const n = this.points.n;
					this.segments.push({ track: this.#track, from: n, to: n });
				}
				break;
			case 'trkpt': {
				const index = this.allPoints++;
				const [lat, lon] = latLon(attrs);
				if (Number.isNaN(lat) || Number.isNaN(lon)) {
					if (this.firstUnreadable < 0) this.firstUnreadable = index;
				} else if (this.#seg > 0 && this.#point < 0) {
					this.#point = this.points.push(lat, lon);
					this.#pointDepth = depth;
					this.#pointTimed = false;
				}
				break;
			}
			case 'time':
				if (this.#point >= 0 && !this.#pointTimed) {
					this.#pointTimed = true;
					this.#capture('time', depth);
				}
				if (this.#wpt && this.#wpt.time === null) this.#capture('wpt-time', depth);
				break;
			case 'name':
				if (this.#trk > 0 && !this.#trackNamed) {
					this.#trackNamed = true;
					this.#capture('track-name', depth);
				}
				if (this.#wpt && this.#wpt.name === null) this.#capture('wpt-name', depth);
				break;
			case 'wpt': {
				const [lat, lon] = latLon(attrs);
				if (!this.#wpt && !Number.isNaN(lat) && !Number.isNaN(lon)) {
					this.#wpt = { lat, lon, name: null, time: null };
					this.#wptDepth = depth;
				}
				break;
			}
			case 'rte':
				if (this.#rte++ === 0) this.#rteValid = 0;
				break;
			case 'rtept': {
				const [lat, lon] = latLon(attrs);
				if (this.#rte > 0 && !Number.isNaN(lat) && !Number.isNaN(lon)) this.#rteValid++;
				break;
			}
		}
	}

	close(name: string): void {
		const depth = this.#depth--;
		const captures = this.#captures;
		for (let i = captures.length - 1; i >= 0; i--) {
			const c = captures[i]!;
			if (c.depth !== depth) continue;
			captures.splice(i, 1);
			this.#store(c.kind, c.text);
		}
		if (name === 'trkpt' && this.#point >= 0 && depth === this.#pointDepth) this.#point = -1;
		else if (name === 'trkseg' && this.#trk > 0 && --this.#seg === 0)
			this.segments[this.segments.length - 1]!.to = this.points.n;
		else if (name === 'trk') this.#trk--;
		else if (name === 'wpt' && this.#wpt && depth === this.#wptDepth) {
			this.waypoints.push(this.#wpt);
			this.#wpt = null;
		} else if (name === 'rte' && --this.#rte === 0 && this.#rteValid >= 2) this.hasRoute = true;
	}

	text(text: string): void {
		for (const c of this.#captures) c.text += text;
	}

	cdata(text: string): void {
		this.text(text);
	}

	#capture(kind: CaptureKind, depth: number): void {
		this.#captures.push({ kind, depth, text: '' });
	}

	#store(kind: CaptureKind, value: string): void {
		if (kind === 'time') {
			const p = this.#point;
			if (p < 0 || value === '') return;
			this.points.timed[p] = 1;
			this.points.t[p] = isoTime(value);
		} else if (kind === 'track-name') this.trackNames[this.#track] = value || null;
		else if (kind === 'wpt-name' && this.#wpt) this.#wpt.name = value || '';
		else if (kind === 'wpt-time' && this.#wpt) this.#wpt.time = value;
	}
}

/** A point's lat and lon attributes as numbers (NaN when absent or unreadable). */
function latLon(attrs: XmlAttributes): [number, number] {
	return [
		Number.parseFloat(attrs['lat']?.value ?? ''),
		Number.parseFloat(attrs['lon']?.value ?? '')
	];
}

/** Reads GPX text (no size or DTD check: see `readGpx`). */
export function scanGpx(text: string, options: ReadGpxOptions = {}): GpxResult {
	const c = new GpxCollector();
	let rootNs: string | null;
	try {
		rootNs = readXml(
			text,
			c,
			options.onProgress && ((done, total) => options.onProgress!(done / total))
		);
	} catch (e) {
		if (e instanceof XmlSyntaxError) return problem('not-xml', `not well-formed XML: ${e.message}`);
		throw e;
	}
	const root = c.rootName ?? '';
	const local = root.slice(root.indexOf(':') + 1);
	if (local !== 'gpx') return problem('not-gpx', `the document is <${root}>, not <gpx>`);

	// togeojson keeps segments of two or more readable points, and tracks with such a segment.
	const kept = c.segments.filter((s) => s.to - s.from >= 2);
	const counted = kept.reduce((n, s) => n + s.to - s.from, 0);
	if (counted < c.allPoints && c.firstUnreadable >= 0) {
		const bad = c.firstUnreadable;
		return problem('bad-coordinates', `point ${bad + 1} has no readable lat/lon`, bad);
	}
	if (counted === 0)
		return problem(
			'no-points',
			c.hasRoute ? 'only a planned route, no recorded track' : 'no track points'
		);
	const trackIds = [...new Set(kept.map((s) => s.track))];
	const built = buildColumns(
		c.points,
		kept,
		trackIds,
		c.trackNames,
		counted,
		options.gapMs ?? GPX_GAP_MS
	);
	if ('code' in built) return fail(built);
	const { track, segments } = built;
	const start = track.t[0]!;
	const end = track.t[track.count - 1]!;
	const value: GpxImport = {
		version: gpxVersion(c.version, rootNs),
		name: c.trackNames[trackIds[0]!] ?? null,
		track,
		segments,
		waypoints: c.waypoints.map(toWaypoint),
		pointCount: track.count,
		skippedPoints: c.allPoints - counted,
		start,
		end,
		durationMs: end - start,
		distanceM: trackDistance(track)
	};
	return { ok: true, value };
}

function toWaypoint(w: RawWaypoint): GpxWaypoint {
	const t = w.time ? utcTime(w.time) : NaN;
	return { lat: w.lat, lon: w.lon, t: Number.isFinite(t) ? t : null, name: w.name || null };
}

function gpxVersion(version: string | null, ns: string | null): '1.0' | '1.1' | null {
	const v = version ?? '';
	if (v === '1.1' || (ns ?? '').endsWith('/GPX/1/1')) return '1.1';
	if (v === '1.0' || (ns ?? '').endsWith('/GPX/1/0')) return '1.0';
	return null;
}

function problem(code: GpxProblemCode, message: string, point?: number): GpxResult {
	return fail(point === undefined ? { code, message } : { code, message, point });
}

function fail(p: GpxProblem): GpxResult {
	return { ok: false, problem: p };
}
