import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	APPROXIMATE_OUTLINES,
	areaKm2,
	combineAssigned,
	MAX_GRID_CELLS,
	MAX_OUTLINE_KM2,
	NEIGHBOURHOOD_CENTRES,
	NEIGHBOURHOOD_KEYS,
	neighbourhoodAt,
	parseBoundaryFile,
	type NeighbourhoodKey
} from './index';
import { pathToFileURL } from 'node:url';
import { sharedPath } from '../../../../tests/shared-dir';

const OFFICIAL = pathToFileURL(sharedPath('geo/kk_kvarterer_subset_4326.geojson'));

describe('neighbourhoodAt', () => {
	it('puts each neighbourhood centre in its own neighbourhood', () => {
		for (const key of NEIGHBOURHOOD_KEYS) {
			const { lat, lon } = NEIGHBOURHOOD_CENTRES[key];
			expect(neighbourhoodAt(lon, lat, APPROXIMATE_OUTLINES)).toBe(key);
		}
	});
	it('returns null outside all three (Tivoli is east of Vesterbro, Amager Strand far east)', () => {
		expect(neighbourhoodAt(12.65, 55.66, APPROXIMATE_OUTLINES)).toBeNull();
		expect(neighbourhoodAt(12.5, 55.8, APPROXIMATE_OUTLINES)).toBeNull();
	});
});

describe('boundary import', () => {
	const text = readFileSync(OFFICIAL, 'utf8');

	it('reads the municipality file and suggests an assignment for every feature', () => {
		const r = parseBoundaryFile(text, text.length);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.candidates).toHaveLength(6);
		expect(r.candidates.map((c) => c.suggested)).toEqual([
			'vesterbro',
			'vesterbro',
			'vesterbro',
			'vesterbro',
			'nordvest',
			'sundholm'
		]);
	});

	it('dissolves the four Vesterbro parts into one outline that holds the centre', () => {
		const r = parseBoundaryFile(text, text.length);
		if (!r.ok) throw new Error('parse failed');
		const assignment = new Map(r.candidates.map((c) => [c.index, c.suggested]));
		const combined = combineAssigned(r.candidates, assignment);
		const outlines = { ...APPROXIMATE_OUTLINES } as Record<NeighbourhoodKey, never>;
		for (const key of NEIGHBOURHOOD_KEYS) outlines[key] = combined[key]!.geometry as never;
		expect(combined.vesterbro!.labels).toHaveLength(4);
		for (const key of NEIGHBOURHOOD_KEYS) {
			const { lat, lon } = NEIGHBOURHOOD_CENTRES[key];
			expect(neighbourhoodAt(lon, lat, outlines)).toBe(key);
		}
	});

	it('names the problem with a bad file', () => {
		expect(parseBoundaryFile('{"type":"Feature', 16)).toMatchObject({
			ok: false,
			problem: { kind: 'not-json' }
		});
		expect(parseBoundaryFile('{"type":"Topology"}', 20)).toMatchObject({
			ok: false,
			problem: { kind: 'not-feature-collection' }
		});
		expect(
			parseBoundaryFile(
				'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}',
				100
			)
		).toMatchObject({ ok: false, problem: { kind: 'no-areas' } });
		expect(parseBoundaryFile('{}', 30 * 1024 * 1024)).toMatchObject({
			ok: false,
			problem: { kind: 'too-large' }
		});
	});

	it('refuses outlines too large for a neighbourhood or for the grid, with what they cover', () => {
		const ring = (lon: number, lat: number, dLon: number, dLat: number) => [
			[lon, lat],
			[lon + dLon, lat],
			[lon + dLon, lat + dLat],
			[lon, lat + dLat],
			[lon, lat]
		];
		const feature = (geometry: object) => ({ type: 'Feature', properties: {}, geometry });
		const box = (lon: number, lat: number, dLon: number, dLat: number) =>
			feature({ type: 'Polygon', coordinates: [ring(lon, lat, dLon, dLat)] });
		const file = (features: object[]) => {
			const t = JSON.stringify({ type: 'FeatureCollection', features });
			return parseBoundaryFile(t, t.length);
		};
		// Denmark-sized: refused at once, before any cell is counted.
		const country = file([box(8, 54.5, 4, 3)]);
		expect(country).toMatchObject({
			ok: false,
			problem: { kind: 'outline-too-large', label: '#1' }
		});
		if (country.ok || country.problem.kind !== 'outline-too-large') throw new Error();
		expect(country.problem.km2).toBeGreaterThan(40_000);
		// Four outlines of about 84 km² each: each may pass, together they may not.
		const four = [0, 1, 2, 3].map((i) => box(12.4 + i * 0.2, 55.6, 0.15, 0.08));
		expect(file(four.slice(0, 3)).ok).toBe(true);
		expect(file(four)).toMatchObject({ ok: false, problem: { kind: 'outlines-too-large' } });
		// 2,001 specks of a few m² in one outline: a tiny area, but a fill of its own for each.
		const specks = Array.from({ length: 2_001 }, (_, i) => [
			ring(11.2 + (i % 50) * 0.02, 55.2 + Math.floor(i / 50) * 0.02, 0.0002, 0.0001)
		]);
		expect(file([feature({ type: 'MultiPolygon', coordinates: specks })])).toEqual({
			ok: false,
			problem: { kind: 'too-many-parts', parts: 2_001 }
		});
		// 800 slivers 3 m wide and 5 km long: 13 km² in all, but over 25,000 grid cells.
		const slivers = Array.from({ length: 800 }, (_, i) => [
			ring(11.2 + (i % 40) * 0.05, 55.2 + Math.floor(i / 40) * 0.01, 0.08, 0.00003)
		]);
		const scattered = file([feature({ type: 'MultiPolygon', coordinates: slivers })]);
		expect(scattered).toMatchObject({ ok: false, problem: { kind: 'too-many-cells' } });
		if (scattered.ok || scattered.problem.kind !== 'too-many-cells') throw new Error();
		expect(scattered.problem.cells).toBeGreaterThan(MAX_GRID_CELLS);
		// The municipality's own file is well inside every limit.
		const r = parseBoundaryFile(text, text.length);
		if (!r.ok) throw new Error('parse failed');
		for (const c of r.candidates) expect(areaKm2(c.geometry)).toBeLessThan(MAX_OUTLINE_KM2);
	});
});
