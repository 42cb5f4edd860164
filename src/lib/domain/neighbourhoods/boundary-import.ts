import union from '@turf/union';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { checkLimits, type BoundaryLimitProblem } from './boundary-limits';
import { AreaGeometry, polygonsOf } from './geometry';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from './keys';

export const MAX_BOUNDARY_FILE_BYTES = 20 * 1024 * 1024;

const Feature = z.object({
	type: z.literal('Feature'),
	properties: z.record(z.string(), z.unknown()).nullable().optional(),
	geometry: z.unknown()
});
const FeatureCollection = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(Feature).max(5000)
});

export interface BoundaryCandidate {
	index: number;
	label: string;
	properties: Record<string, unknown>;
	geometry: AreaGeometry;
	suggested: NeighbourhoodKey | null;
}

export type BoundaryParseResult =
	| { ok: true; candidates: BoundaryCandidate[]; skipped: number }
	| { ok: false; problem: BoundaryProblem };

export type BoundaryProblem =
	| { kind: 'too-large'; bytes: number }
	| { kind: 'not-json'; detail: string }
	| { kind: 'not-feature-collection'; detail: string }
	| { kind: 'no-areas' }
	| BoundaryLimitProblem;

const NAME_KEYS = ['kvarternavn', 'navn', 'name', 'NAME', 'Name', 'bydel', 'label', 'title'];

function labelOf(props: Record<string, unknown>, index: number): string {
	for (const key of NAME_KEYS) {
		const v = props[key];
		if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 120);
	}
	return `#${index + 1}`;
}

const fold = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();

/** Guesses which of our neighbourhoods an official feature belongs to, from its name. */
export function suggestNeighbourhood(label: string): NeighbourhoodKey | null {
	const l = fold(label);
	if (l.includes('vesterbro')) return 'vesterbro';
	if (l.includes('nordvest')) return 'nordvest';
	if (l.includes('sundholm')) return 'sundholm';
	return null;
}

export function parseBoundaryFile(text: string, bytes: number): BoundaryParseResult {
	if (bytes > MAX_BOUNDARY_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes } };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, problem: { kind: 'not-json', detail: (e as Error).message } };
	}
	const fc = FeatureCollection.safeParse(json);
	if (!fc.success) {
		const issue = fc.error.issues[0]!;
		const where = issue.path.join('.') || 'file';
		return {
			ok: false,
			problem: { kind: 'not-feature-collection', detail: `${where}: ${issue.message}` }
		};
	}
	const candidates: BoundaryCandidate[] = [];
	let skipped = 0;
	fc.data.features.forEach((f, index) => {
		const geometry = AreaGeometry.safeParse(f.geometry);
		if (!geometry.success) {
			skipped++;
			return;
		}
		const properties = f.properties ?? {};
		const label = labelOf(properties, index);
		candidates.push({
			index,
			label,
			properties,
			geometry: geometry.data,
			suggested: suggestNeighbourhood(label)
		});
	});
	if (candidates.length === 0) return { ok: false, problem: { kind: 'no-areas' } };
	const limit = checkLimits(candidates);
	if (limit) return { ok: false, problem: limit };
	return { ok: true, candidates, skipped };
}

/** One outline per neighbourhood from the features the user assigned to it, dissolved into one shape. */
export function combineAssigned(
	candidates: readonly BoundaryCandidate[],
	assignment: ReadonlyMap<number, NeighbourhoodKey | null>
): Partial<Record<NeighbourhoodKey, { geometry: AreaGeometry; labels: string[] }>> {
	const out: Partial<Record<NeighbourhoodKey, { geometry: AreaGeometry; labels: string[] }>> = {};
	for (const key of NEIGHBOURHOOD_KEYS) {
		const chosen = candidates.filter((c) => assignment.get(c.index) === key);
		if (chosen.length === 0) continue;
		out[key] = {
			geometry: dissolve(chosen.map((c) => c.geometry)),
			labels: chosen.map((c) => c.label)
		};
	}
	return out;
}

function dissolve(geoms: AreaGeometry[]): AreaGeometry {
	if (geoms.length === 1) return geoms[0]!;
	const features = geoms.map((g) =>
		g.type === 'Polygon' ? polygon(g.coordinates) : multiPolygon(g.coordinates)
	) as Feature<Polygon | MultiPolygon>[];
	const merged = union(featureCollection(features));
	if (merged) return AreaGeometry.parse(merged.geometry);
	return { type: 'MultiPolygon', coordinates: geoms.flatMap(polygonsOf) };
}
