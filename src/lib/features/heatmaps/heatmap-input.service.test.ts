import { describe, expect, it } from 'vitest';
import { computeHeatmap } from '$lib/domain/heatmap/compute';
import { NEIGHBOURHOOD_KEYS } from '$lib/domain/neighbourhoods/keys';
import { APPROXIMATE_OUTLINES } from '$lib/domain/neighbourhoods/outlines';
import { snapToCell } from '$lib/domain/geo/cells';
import { GAP_BEFORE } from '$lib/domain/tracks/fix';
import { followAlongsRepo, stopsRepo } from '$lib/db/follow-alongs.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { placesRepo } from '$lib/db/places.repo';
import { interviewsRepo, namedPlacesRepo } from '$lib/db/named-places.repo';
import { latLngToCell } from 'h3-js';
import { updateSettings } from '$lib/db/settings.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { seedDemo } from '$lib/features/settings/demo.service';
import { gatherHeatmapInput } from './heatmap-input.service';
import { participant, SPOT, storedDay } from '$lib/testing/follow-alongs';

useFreshWorkspace();

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 3, 9, 0);

describe('gathering the heatmap input from the workspace', () => {
	it('decodes every fix of a day from its chunks, gap marks and all, with its stops', async () => {
		const p = await participant('VB-001');
		const { day, track, stop } = await storedDay(p.id, T0);
		const { input, fixes } = await gatherHeatmapInput();
		expect(fixes).toBe(track.count);
		expect(input.tracks).toHaveLength(1);
		const tr = input.tracks[0]!;
		expect(tr).toMatchObject({ followAlongId: day.id, participantId: p.id });
		expect([...tr.t]).toEqual([...track.t]);
		expect([...tr.lat]).toEqual([...track.lat]);
		expect([...tr.lon]).toEqual([...track.lon]);
		expect([...tr.src]).toEqual([...track.src]);
		expect(tr.src[100]! & GAP_BEFORE).toBe(GAP_BEFORE);
		expect(input.stops).toEqual([
			{
				participantId: p.id,
				followAlongId: day.id,
				arrivedAt: stop.arrivedAt,
				departedAt: stop.departedAt,
				lat: SPOT.lat,
				lon: SPOT.lon
			}
		]);
		expect(input.outlines).toEqual(APPROXIMATE_OUTLINES);
	});

	it('reads no data of participants who withdrew or did not consent to aggregates', async () => {
		const ok = await participant('VB-001');
		const gone = await participant('VB-002', {}, Date.now());
		const no = await participant('VB-003', { aggregate: false });
		for (const p of [ok, gone, no]) await storedDay(p.id, T0);
		const cell = snapToCell(SPOT.lat, SPOT.lon, 8);
		await notesRepo.create({
			observedAt: T0,
			participantIds: [gone.id],
			location: cell,
			doc: { type: 'doc', content: [] },
			text: ''
		});
		const { input } = await gatherHeatmapInput();
		expect(input.participants).toEqual(
			expect.arrayContaining([
				{ id: ok.id, aggregateConsent: true, withdrawn: false },
				{ id: gone.id, aggregateConsent: true, withdrawn: true },
				{ id: no.id, aggregateConsent: false, withdrawn: false }
			])
		);
		expect(input.tracks.map((t) => t.participantId)).toEqual([ok.id]);
		expect(input.stops.map((s) => s.participantId)).toEqual([ok.id]);
		expect(input.notes).toEqual([]);
		const report = computeHeatmap(input).maps.all.report;
		expect(report.participantsExcluded).toEqual({ noConsent: 1, withdrawn: 1, unknown: 0 });
	});

	it('takes located notes as their grid cell, and only one participant in the participant view', async () => {
		const a = await participant('VB-001');
		const b = await participant('VB-002');
		await storedDay(a.id, T0);
		await storedDay(b.id, T0 + DAY);
		const cell = snapToCell(SPOT.lat, SPOT.lon, 8);
		const note = (ids: string[], location: typeof cell | null) =>
			notesRepo.create({
				observedAt: T0,
				participantIds: ids,
				location,
				doc: { type: 'doc', content: [] },
				text: 'x'
			});
		await note([a.id], cell);
		await note([a.id], null);
		await note([], cell);
		const all = await gatherHeatmapInput();
		expect(all.input.notes).toEqual([{ participantIds: [a.id], observedAt: T0, cell: cell.cell }]);
		const own = await gatherHeatmapInput({ participantId: b.id });
		expect(own.input.tracks.map((t) => t.participantId)).toEqual([b.id]);
		expect(own.input.notes).toEqual([]);
		expect(own.input.participants).toHaveLength(2);
	});

	it('takes the glossary’s live institutions, stops marked institution, and the buffer setting', async () => {
		const p = await participant('VB-001');
		const { day } = await storedDay(p.id, T0);
		const shelter = await placesRepo.create({
			name: 'Herberget',
			institution: true,
			institutionKind: 'shelter',
			location: { type: 'point', lon: 12.55, lat: 55.668, radius: 30 }
		});
		const ring = [
			[12.56, 55.67],
			[12.561, 55.67],
			[12.561, 55.671],
			[12.56, 55.67]
		] as [number, number][];
		const clinic = await placesRepo.create({
			name: 'Klinikken',
			institution: true,
			institutionKind: 'health-clinic',
			location: { type: 'polygon', ring }
		});
		const closed = await placesRepo.create({
			name: 'Lukket',
			institution: true,
			institutionKind: 'other',
			location: { type: 'point', lon: 12.54, lat: 55.66, radius: 10 }
		});
		await placesRepo.remove(closed.id);
		await placesRepo.create({
			name: 'Bænken',
			location: { type: 'point', lon: 12.5, lat: 55.6, radius: 5 }
		});
		await placesRepo.create({ name: 'Uden sted', institution: true, institutionKind: 'police' });
		const marked = await stopsRepo.create({
			followAlongId: day.id,
			arrivedAt: T0 + 20 * 60_000,
			departedAt: T0 + 25 * 60_000,
			lat: 55.665,
			lon: 12.552,
			source: 'marked',
			institution: true
		});
		await stopsRepo.create({
			followAlongId: day.id,
			arrivedAt: T0 + 26 * 60_000,
			departedAt: T0 + 28 * 60_000,
			lat: 55.668,
			lon: 12.55,
			source: 'marked',
			institution: true,
			placeId: shelter.id
		});
		await updateSettings({ institutionBufferMetres: 200 });
		const { input, institutionBufferMetres } = await gatherHeatmapInput();
		expect(institutionBufferMetres).toBe(200);
		expect(input.institutions).toEqual([
			{ shape: 'circle', id: shelter.id, lat: 55.668, lon: 12.55, radiusMetres: 30 },
			{ shape: 'area', id: clinic.id, geometry: { type: 'Polygon', coordinates: [ring] } },
			{ shape: 'circle', id: `stop:${marked.id}`, lat: 55.665, lon: 12.552, radiusMetres: 0 }
		]);
	});

	it('leaves out stops still open, and days of no participant (the researcher’s own walk)', async () => {
		const p = await participant('VB-001');
		const { day } = await storedDay(p.id, T0);
		await stopsRepo.create({
			followAlongId: day.id,
			arrivedAt: T0 + 20 * 60_000,
			lat: SPOT.lat,
			lon: SPOT.lon,
			source: 'marked'
		});
		await followAlongsRepo.create({ participantId: null, startedAt: T0, status: 'ended' });
		const { input } = await gatherHeatmapInput();
		expect(input.stops).toHaveLength(1);
		expect(input.tracks).toHaveLength(1);
	});
});

describe('the demo workspace', () => {
	it('shows a real heatmap in each neighbourhood under the default rules', async () => {
		await seedDemo();
		const { input, institutionBufferMetres } = await gatherHeatmapInput();
		const shown = (resolution: 9 | 10) => {
			const result = computeHeatmap(input, { institutionBufferMetres, resolution });
			for (const map of Object.values(result.maps)) {
				expect(map.report.smallestK).toBeGreaterThanOrEqual(5);
				expect(map.report.institutionShare).toBeGreaterThan(0);
				const held = Object.values(map.report.cellsSuppressed).reduce((a, b) => a + b, 0);
				expect(held + map.report.cellsRemovedAsInstitution).toBeGreaterThan(0);
			}
			expect(result.maps.all.report.participantsExcluded.withdrawn).toBeGreaterThanOrEqual(3);
			return Object.fromEntries(NEIGHBOURHOOD_KEYS.map((nb) => [nb, result.maps[nb].cells.length]));
		};
		// Sundholm is small and its shelter sits in the middle: its map is the rim of cells that
		// overlap the outline and stay clear of the buffer (docs/heatmaps.md).
		const standard = shown(9);
		expect(standard.vesterbro).toBeGreaterThanOrEqual(12);
		expect(standard.nordvest).toBeGreaterThanOrEqual(10);
		expect(standard.sundholm).toBeGreaterThanOrEqual(5);
		const fine = shown(10);
		for (const nb of NEIGHBOURHOOD_KEYS) expect(fine[nb], nb).toBeGreaterThanOrEqual(10);
	});

	it('shows a places-named map in each neighbourhood, from interviews and the survey', async () => {
		await seedDemo();
		const { input, institutionBufferMetres } = await gatherHeatmapInput();
		expect(input.namedPlaces!.length).toBeGreaterThan(500);
		const result = computeHeatmap(input, { institutionBufferMetres, metric: 'places-named' });
		for (const nb of NEIGHBOURHOOD_KEYS) {
			const map = result.maps[nb];
			expect(map.cells.length, nb).toBeGreaterThanOrEqual(1);
			expect(map.report.smallestK).toBeGreaterThanOrEqual(5);
			expect(map.report.participantsBySource.survey, nb).toBeGreaterThan(0);
			expect(map.report.participantsBySource.interview, nb).toBeGreaterThan(0);
		}
	});

	it('reads named places as cells, a glossary place through its location, dated by the interview', async () => {
		const ok = await participant('VB-001');
		const no = await participant('VB-002', { aggregate: false });
		const church = await placesRepo.create({
			name: 'Kirken',
			location: { type: 'point', lon: 12.548, lat: 55.668, radius: 20 }
		});
		const interview = await interviewsRepo.create({
			participantId: ok.id,
			interviewerId: ok.id,
			date: '2026-03-03',
			startedAt: T0,
			consentCheckedAt: T0
		});
		const cell = latLngToCell(55.665, 12.55, 8);
		for (const p of [ok, no])
			await namedPlacesRepo.create({
				participantId: p.id,
				source: 'interview',
				where: { kind: 'cell', cell },
				activity: 'sleep'
			});
		await namedPlacesRepo.create({
			participantId: ok.id,
			source: 'interview',
			where: { kind: 'place', placeId: church.id },
			activity: 'help',
			interviewId: interview.id
		});
		const { input } = await gatherHeatmapInput();
		// In any order: records made in the same millisecond are ordered by their random ids.
		expect(input.namedPlaces).toHaveLength(2);
		expect(input.namedPlaces).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ participantId: ok.id, cell, activity: 'sleep' }),
				{
					participantId: ok.id,
					source: 'interview',
					cell: latLngToCell(55.668, 12.548, 10),
					activity: 'help',
					namedAt: Date.UTC(2026, 2, 3, 12)
				}
			])
		);
	});
});
