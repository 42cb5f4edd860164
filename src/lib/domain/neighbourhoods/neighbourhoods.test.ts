import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	APPROXIMATE_OUTLINES,
	combineAssigned,
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
});
