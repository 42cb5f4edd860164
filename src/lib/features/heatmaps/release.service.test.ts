import { describe, expect, it } from 'vitest';
import { computeHeatmap } from '$lib/domain/heatmap/compute';
import { releaseCsv, releaseGeoJson } from '$lib/domain/heatmap/release-files';
import { listReleases } from '$lib/db/releases.repo';
import { deleteWorkspace } from '$lib/db/workspace';
import { twoWorkspaces } from '$lib/testing/workspace';
import { buildBackup, sealBackup } from '$lib/features/settings/backup.service';
import { restoreBackup } from '$lib/features/settings/backup-restore.service';
import { gatherHeatmapInput } from './heatmap-input.service';
import { optionsFor, DEFAULT_FORM } from './heatmap-options.service';
import { withdrawParticipant } from '$lib/features/notes/participants.service';
import { previewRelease, publishRelease, releasedFile, type MakeFiles } from './release.service';
import { applyPackageImport as applyTeamImport } from '$lib/features/exchange/package-apply.service';
import { buildTeamPackage } from '$lib/features/exchange/package-export.service';
import { readTeamPackage } from '$lib/features/exchange/package-import.service';
import { participant, SPOT, stayTrack, storedDay, T0 } from '$lib/testing/follow-alongs';

const { B, use } = twoWorkspaces('rel');

const DAY = 86_400_000;
const THERE = { lat: SPOT.lat + 0.004, lon: SPOT.lon - 0.006 };

/** Six people at two places on two days; the first of them stays a while longer. */
async function fieldwork() {
	const people = [];
	for (let i = 1; i <= 6; i++) {
		const p = await participant(`VB-00${i}`);
		people.push(p);
		await storedDay(p.id, T0 + (i % 2) * DAY);
		await storedDay(p.id, T0 + (2 + (i % 2)) * DAY, stayTrack(T0 + (2 + (i % 2)) * DAY, THERE));
	}
	return people;
}

async function computed() {
	const { input, institutionBufferMetres } = await gatherHeatmapInput();
	return computeHeatmap(input, optionsFor(DEFAULT_FORM, institutionBufferMetres));
}

const makeFiles: MakeFiles = async (statement, meta) => {
	const at = new Date(meta.releasedAt).toISOString();
	return {
		files: {
			geojson: releaseGeoJson(statement, { title: meta.title, releasedAt: at }),
			csv: releaseCsv(statement),
			report: `# ${meta.title}\n`,
			svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
			png: new Uint8Array([137, 80, 78, 71, 1, 2, 3])
		},
		methods: { en: 'Methods.', da: 'Metode.' }
	};
};

const meta = { title: 'Vesterbro, time spent', releasedBy: 'Anna', locale: 'en' as const };

describe('releases in the workspace', () => {
	it('are recorded with what was released, and export again byte for byte after the data changed', async () => {
		const people = await fieldwork();
		const first = await publishRelease(
			await computed(),
			'vesterbro',
			meta,
			makeFiles,
			T0 + 9 * DAY
		);
		expect(first.cells.length).toBe(2);
		expect(first).toMatchObject({ title: meta.title, releasedBy: 'Anna', area: 'vesterbro' });
		const geojson = first.files.geojson;
		expect(JSON.parse(geojson).features[0].properties).toEqual({
			class: 3,
			from: 120,
			to: 300,
			unit: 'minutes'
		});

		await withdrawParticipant(people[0]!.id);
		// the map of the changed data is checked against the release: one person moved nothing
		const preview = await previewRelease(await computed(), 'vesterbro');
		expect(preview.cells).toEqual(first.cells);
		expect(preview.comparison).toMatchObject({
			previous: { id: first.id },
			participantsChanged: 'fewer-than-k'
		});
		expect(await releasedFile(first.id, 'geojson')).toBe(geojson);
		expect(await releasedFile(first.id, 'png')).toEqual(first.files.png);
		expect(await listReleases()).toHaveLength(1);
	});

	it('travel in backups and team packages, and the other workspace checks its maps against them', async () => {
		await fieldwork();
		const released = await publishRelease(await computed(), 'all', meta, makeFiles);
		const backup = (await sealBackup(await buildBackup(), { kind: 'plaintext', confirmed: true }))
			.text;
		const pkg = (
			await buildTeamPackage({ notes: null, participants: false, followAlongIds: [] }, 'Anna')
		).text;

		await use(B);
		const read = await readTeamPackage(pkg, pkg.length);
		if (!read.ok) throw new Error(JSON.stringify(read.problem));
		await applyTeamImport(read.preview, new Map(), ' (from Anna)');
		const [viaPackage] = await listReleases();
		expect(viaPackage!.files).toEqual(released.files);
		expect(viaPackage!.cells).toEqual(released.cells);
		// B's own map of its own data (none) is still checked against Anna's release
		expect((await previewRelease(await computed(), 'all')).comparison.checkedAgainst).toBe(1);

		await deleteWorkspace('main', B);
		await use(B);
		expect((await restoreBackup(backup, backup.length)).ok).toBe(true);
		const [viaBackup] = await listReleases();
		expect(viaBackup).toEqual(released);
	});
});
