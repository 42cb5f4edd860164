import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { generateBenchData } from '$lib/testing/heatmap-bench-data';
import { computeHeatmap } from '$lib/domain/heatmap/compute';
import { newId } from '$lib/domain/records/ids';
import { SCHEMA_VERSIONS, StedsansDB } from '$lib/db/db';
import { heatmapsRepo, saveNoise } from '$lib/db/heatmaps.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { db } from '$lib/db/workspace';
import { DEFAULT_FORM, optionsFor } from './heatmap-options.service';

useFreshWorkspace();

const input = () => generateBenchData({ fixes: 40_000, participants: 30, seed: 5 });

describe('the options a heatmap is computed with', () => {
	it('turn the form into options, with the workspace’s buffer', async () => {
		expect(await optionsFor(DEFAULT_FORM, 200)).toEqual({
			metric: 'time',
			resolution: 9,
			preset: 'standard',
			includeReconstructed: false,
			institutionBufferMetres: 200,
			view: { kind: 'aggregate' }
		});
		const own = await optionsFor(
			{ ...DEFAULT_FORM, view: 'participant', participantId: 'P1', dp: true },
			150
		);
		expect(own.view).toEqual({ kind: 'participant', participantId: 'P1' });
		expect(own.dp).toBeUndefined();
	});

	it('reuse the noise saved with a differentially private map, so computing again gives the same map', async () => {
		const form = { ...DEFAULT_FORM, dp: true, epsilon: 0.5 };
		const first = await optionsFor(form, 150);
		expect(first.dp).toEqual({ epsilon: 0.5, contributionBound: 120, noise: undefined });
		const a = computeHeatmap(input(), first);
		await saveNoise(a.noise!);
		const again = await optionsFor(form, 150);
		expect(again.dp?.noise).toEqual(a.noise);
		const b = computeHeatmap(input(), again);
		expect(b.maps).toEqual(a.maps);
		// Saving again keeps one record per ε, metric, grid and bound.
		await saveNoise(b.noise!);
		expect(await heatmapsRepo.list()).toHaveLength(1);
		// Another ε is another map, with noise of its own.
		expect((await optionsFor({ ...form, epsilon: 1 }, 150)).dp?.noise).toBeUndefined();
		expect((await optionsFor({ ...form, resolution: 10 }, 150)).dp?.noise).toBeUndefined();
	});

	it('keep saved noise in its own table, added by schema version 6 to a version 5 database', async () => {
		const dbName = `upgrade-${newId()}`;
		const v5 = new StedsansDB(dbName, SCHEMA_VERSIONS.slice(0, 5));
		const id = newId();
		const row = {
			id,
			createdAt: 1,
			updatedAt: 1,
			deletedAt: null,
			authorId: 'a',
			deviceId: 'd',
			rev: {},
			v: 1
		};
		await v5.places.put({ ...row, payload: { name: 'Trappen' } });
		v5.close();
		const v6 = new StedsansDB(dbName, SCHEMA_VERSIONS.slice(0, 6));
		await v6.open();
		expect(v6.verno).toBe(6);
		expect((await v6.places.get(id))?.payload).toEqual({ name: 'Trappen' });
		expect(await v6.heatmaps.count()).toBe(0);
		v6.close();
		await Dexie.delete(dbName);
		const a = computeHeatmap(input(), { dp: { epsilon: 1 } });
		await saveNoise(a.noise!);
		const stored = await db().heatmaps.toArray();
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ key: 'dp:time:9:1:120', v: 1 });
	});
});
