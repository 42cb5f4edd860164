import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { newId } from '$lib/domain/records/ids';
import { SCHEMA_VERSIONS, StedsansDB } from '$lib/db/db';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { DEFAULT_FORM, optionsFor } from './heatmap-options.service';

useFreshWorkspace();

describe('the options a heatmap is computed with', () => {
	it('turn the form into options, with the workspace’s buffer; aggregate maps with evidence', () => {
		expect(optionsFor(DEFAULT_FORM, 200)).toEqual({
			metric: 'time',
			resolution: 9,
			preset: 'standard',
			includeReconstructed: false,
			institutionBufferMetres: 200,
			view: { kind: 'aggregate' },
			evidence: true
		});
		const own = optionsFor({ ...DEFAULT_FORM, view: 'participant', participantId: 'P1' }, 150);
		expect(own.view).toEqual({ kind: 'participant', participantId: 'P1' });
		expect(own.evidence).toBe(false);
	});

	it('schema version 8 (after the sync tables of 7) adds releases and tombstones and drops the saved noise of version 6', async () => {
		const dbName = `upgrade-${newId()}`;
		const v6 = new StedsansDB(dbName, SCHEMA_VERSIONS.slice(0, 6));
		const row = (id: string) => ({
			id,
			createdAt: 1,
			updatedAt: 1,
			deletedAt: null,
			authorId: 'a',
			deviceId: 'd',
			rev: {},
			v: 1
		});
		const place = newId();
		await v6.places.put({ ...row(place), payload: { name: 'Trappen' } });
		await v6.table('heatmaps').put({ ...row(newId()), key: 'dp:time:9:1:120', payload: {} });
		v6.close();
		const latest = new StedsansDB(dbName, SCHEMA_VERSIONS.slice(0, 8));
		await latest.open();
		expect(latest.verno).toBe(8);
		expect((await latest.places.get(place))?.payload).toEqual({ name: 'Trappen' });
		expect(latest.tables.map((t) => t.name)).not.toContain('heatmaps');
		expect(await latest.releases.count()).toBe(0);
		expect(await latest.tombstones.count()).toBe(0);
		latest.close();
		await Dexie.delete(dbName);
	});
});
