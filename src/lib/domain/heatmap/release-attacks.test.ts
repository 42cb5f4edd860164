import { cellToChildren, cellToLatLng, cellToParent, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { computeHeatmap } from './compute';
import { heatmapCsv, heatmapGeoJsonText } from './export';
import { releaseCsv } from './release-files';
import { differing, hiddenAtLeast, published, release } from '$lib/testing/heatmap-releases';
import { checkRelease, NotReleasable } from './releases';
import { HeatmapOptions, type HeatmapInput, type TrackColumns } from './schema';
import {
	cellOf,
	circle,
	dataset,
	day,
	HOME,
	ids,
	INSTITUTION_AT,
	NORDVEST_SPOT,
	participants,
	SHARED,
	stay,
	track,
	visit,
	type Pt
} from '$lib/testing/heatmap-data';

/*
 * Issue 13's attacks, replayed on small synthetic datasets with the app's own functions: each
 * first shows that the released figures would give someone away without the release check (the
 * attack works), then that with it the released files recover nothing better than a class.
 */

/** A released file without its title and date, which differ from release to release. */
const undated = (text: string) => text.replace(/ "(title|released)": .*\n/g, '');

const centre = (cell: string): Pt => {
	const [lat, lon] = cellToLatLng(cell);
	return { lat, lon };
};

describe('across resolutions: a coarse cell minus its shown children', () => {
	// One participant's home (600 minutes over six days) and a friend's 20 minutes: held back by k
	// at resolution 9. Its six siblings are passed by five people each, 22 minutes a visit.
	const home = cellOf(HOME);
	const parent = cellToParent(home, 8);
	const siblings = cellToChildren(parent, 9).filter((c) => c !== home);
	const crowd = ids('c', 5);
	const scenario = (minutes: number): HeatmapInput =>
		dataset({
			participants: participants('h', 'f', ...crowd),
			tracks: [
				...[1, 2, 3, 4, 5, 6].map((n) => visit('h', HOME, n, 100, 7)),
				visit('f', HOME, 1, 20, 19),
				...siblings.flatMap((s, k) =>
					crowd.map((id, i) => visit(id, centre(s), 1 + (i % 2), minutes, 8 + k))
				)
			]
		});
	const input = scenario(22);

	it('preconditions: the home is held back at 9, its parent shown at 8, and subtracting gives it away', () => {
		for (const s of siblings) expect(latLngToCell(centre(s).lat, centre(s).lon, 8)).toBe(parent);
		const r9 = release(input, { resolution: 9 }, 'vesterbro');
		const naive8 = release(input, { resolution: 8 }, 'vesterbro'); // checked against nothing
		expect(r9.cells.map((c) => c.cell)).not.toContain(home);
		expect(r9.cells.map((c) => c.cell).sort()).toEqual([...siblings].sort());
		expect(naive8.cells).toEqual([{ cell: parent, from: 1200, to: 3000 }]);
		// 1,280 minutes in the parent, six children of 110: the home holds at least 480 minutes
		expect(hiddenAtLeast(published(naive8), published(r9)).get(parent)).toBe(480);
	});

	it('resolution 9, then 8: the parent is held back, and the subtraction finds nobody', () => {
		const r9 = release(input, { resolution: 9 }, 'vesterbro');
		const r8 = release(input, { resolution: 8 }, 'vesterbro', [r9]);
		expect(r8.cells.map((c) => c.cell)).not.toContain(parent);
		expect(r8.counts.heldBack.subtraction).toEqual({ from: 1, to: 5 });
		for (const lower of hiddenAtLeast(published(r8), published(r9)).values())
			expect(lower).toBeLessThan(0);
	});

	it('resolution 8, then 9: the children that would complete the subtraction are held back', () => {
		const r8 = release(input, { resolution: 8 }, 'vesterbro');
		const r9 = release(input, { resolution: 9 }, 'all', [r8]);
		expect(r9.cells.filter((c) => cellToParent(c.cell, 8) === parent)).toEqual([]);
		expect(r9.counts.heldBack.subtraction).toEqual({ from: 5, to: 10 });
		for (const lower of hiddenAtLeast(published(r8), published(r9)).values())
			expect(lower).toBeLessThan(0);
	});

	it('holds nothing back where the classes already leave the hidden part possibly empty', () => {
		const busy = scenario(60); // 300 a child: [300, 600) each; the parent [1200, 3000)
		const r9 = release(busy, { resolution: 9 }, 'vesterbro');
		const r8 = release(busy, { resolution: 8 }, 'vesterbro', [r9]);
		expect(r8.cells.map((c) => c.cell)).toContain(parent);
		expect(hiddenAtLeast(published(r8), published(r9)).get(parent)).toBeLessThan(0);
		expect(r8.counts.heldBack.subtraction).toEqual({ from: 0, to: 1 });
	});
});

describe('across time: a participant withdraws, and the map is released again', () => {
	// Eight people in three places on two days; X adds 17, 23 and 9 minutes.
	const THIRD = { lat: SHARED.lat + 0.004, lon: SHARED.lon - 0.006 };
	const crowd = ids('c', 8);
	const places: [Pt, number, number][] = [
		[SHARED, 36, 17],
		[NORDVEST_SPOT, 20, 23],
		[THIRD, 14, 9]
	];
	const scenario = (xWithdrawn: boolean, newcomers = 0): HeatmapInput => {
		const fresh = ids('n', newcomers);
		return dataset({
			participants: [
				...participants(...crowd, ...fresh),
				{ id: 'x', aggregateConsent: true, withdrawn: xWithdrawn }
			],
			tracks: [
				...places.flatMap(([p, minutes, x], k) => [
					...crowd.map((id, i) => visit(id, p, 1 + (i % 2), minutes, 8 + k)),
					visit('x', p, 3, x, 8 + k)
				]),
				...fresh.map((id, i) => visit(id, SHARED, 4 + (i % 2), 100, 14))
			]
		});
	};
	const xCells = places.map(([p]) => cellOf(p));

	it('preconditions: without the check, the difference gives X’s cells away', () => {
		const before = release(scenario(false), {}, 'all');
		const naive = release(scenario(true), {}, 'all');
		expect(before.cells).toHaveLength(3);
		const moved = differing(published(before), published(naive));
		expect(moved.length).toBeGreaterThan(0);
		expect(moved.every((c) => xCells.includes(c))).toBe(true);
		// and the old exact report told how many people and days had gone
		const exact = (withdrawn: boolean) => computeHeatmap(scenario(withdrawn)).maps.all.report;
		expect(exact(false).participantsIncluded - exact(true).participantsIncluded).toBe(1);
		expect(exact(false).daysIncluded - exact(true).daysIncluded).toBe(1);
	});

	it('with it, the second release is the first, cell for cell, count for count', () => {
		const before = release(scenario(false), {}, 'all');
		const after = release(scenario(true), {}, 'all', [before]);
		expect(differing(published(before), published(after))).toEqual([]);
		expect(undated(published(after).text)).toBe(undated(published(before).text));
		expect(releaseCsv(after)).toBe(releaseCsv(before));
		expect(after.counts).toEqual(before.counts);
		expect(after.comparison).toMatchObject({
			previous: { id: before.id },
			sameData: false,
			participantsChanged: 'fewer-than-k'
		});
		// small changes add up: a second withdrawal is still measured against the first release
		const again = release(scenario(true), {}, 'all', [before, after]);
		expect(again.cells).toEqual(before.cells);
	});

	it('figures move once k or more participants have moved them, and only there', () => {
		const before = release(scenario(false), {}, 'all');
		const after = release(scenario(true), {}, 'all', [before]);
		const later = release(scenario(true, 5), {}, 'all', [before, after]);
		expect(differing(published(after), published(later))).toEqual([cellOf(SHARED)]);
		expect(later.comparison.participantsChanged).toBe('k-or-more');
	});
});

describe('across options and metrics of one unit', () => {
	it('a reconstructed stretch of one participant, counted in a second release, shows nowhere', () => {
		const crowd = ids('c', 8);
		const reconstructed: TrackColumns = track('r-1', 'r', stay(SHARED, day(3, 9), 20, 15, 3));
		const input = dataset({
			participants: participants(...crowd, 'r'),
			tracks: [...crowd.map((id, i) => visit(id, SHARED, 1 + (i % 2), 36)), reconstructed]
		});
		const first = release(input, {}, 'all');
		const naive = release(input, { includeReconstructed: true }, 'all');
		expect(differing(published(first), published(naive))).toEqual([cellOf(SHARED)]);
		const second = release(input, { includeReconstructed: true }, 'all', [first]);
		expect(differing(published(first), published(second))).toEqual([]);
	});

	it('a wider institution buffer, released second, differs only by cells the glossary gives', () => {
		const crowd = ids('c', 8);
		// a spot about 500 m from a shelter: outside a 150 m buffer, inside a 700 m one
		const NEAR = { lat: INSTITUTION_AT.lat - 0.0045, lon: INSTITUTION_AT.lon };
		const input = dataset({
			participants: participants(...crowd, 'v'),
			tracks: [
				...crowd.flatMap((id, i) => [
					visit(id, SHARED, 1 + (i % 2), 36),
					visit(id, NEAR, 1 + (i % 2), 30, 14)
				]),
				...[3, 4].map((n) => visit('v', INSTITUTION_AT, n, 60)),
				visit('v', NEAR, 3, 20, 12)
			],
			institutions: [circle('shelter', INSTITUTION_AT)]
		});
		const first = release(input, {}, 'all');
		expect(first.cells.map((c) => c.cell)).toContain(cellOf(NEAR));
		const wider = release(input, { institutionBufferMetres: 700 }, 'all', [first]);
		const before = published(first);
		const after = published(wider);
		const gone = new Set(wider.institutionCells);
		expect(gone.has(cellOf(NEAR))).toBe(true);
		// every cell either reads the same, or is an institution cell now: nobody's figures moved
		for (const cell of differing(before, after)) expect(gone.has(cell), cell).toBe(true);
		expect(after.cells.get(cellOf(SHARED))).toEqual(before.cells.get(cellOf(SHARED)));
	});

	it('maps of other units are not mixed up: a person-days release is its own', () => {
		const crowd = ids('c', 8);
		const input = dataset({
			participants: participants(...crowd),
			tracks: crowd.map((id, i) => visit(id, SHARED, 1 + (i % 2), 36))
		});
		const time = release(input, {}, 'all');
		const days = release(input, { metric: 'person-days' }, 'all', [time]);
		expect(days.cells).toEqual([{ cell: cellOf(SHARED), from: 0, to: 10 }]);
		expect(days.comparison.previous).toBeNull();
	});
});

describe('averaging noise', () => {
	it('there is none to average: no noise option, and every release of the same data is the same', () => {
		expect('dp' in HeatmapOptions.parse({ dp: { epsilon: 1 } })).toBe(false);
		const crowd = ids('c', 6);
		const input = dataset({
			participants: participants(...crowd),
			tracks: crowd.map((id, i) => visit(id, SHARED, 1 + (i % 2), 13))
		});
		const texts = [7, 8, 9, 10].map(
			(res) => published(release(input, { resolution: res as 7 | 8 | 9 | 10 }, 'all')).text
		);
		const again = [7, 8, 9, 10].map(
			(res) => published(release(input, { resolution: res as 7 | 8 | 9 | 10 }, 'all')).text
		);
		expect(again.map(undated)).toEqual(texts.map(undated));
	});
});

describe('two people sharing a home, and three passers-by', () => {
	it('is shown at no resolution: the two largest make up more than 85 %', () => {
		const input = dataset({
			participants: participants('a', 'b', 'x', 'y', 'z'),
			tracks: [
				...[1, 2, 3, 4].flatMap((n) => [
					visit('a', HOME, n, 470, 20),
					visit('b', HOME, n, 470, 20)
				]),
				...['x', 'y', 'z'].map((id, i) => visit(id, HOME, 1 + i, 2))
			]
		});
		for (const res of [8, 9, 10] as const) {
			const r = release(input, { resolution: res }, 'vesterbro');
			expect(r.cells, `resolution ${res}`).toEqual([]);
			expect(r.counts.heldBack.dominance, `resolution ${res}`).toEqual({ from: 1, to: 5 });
		}
	});
});

describe('one participant’s everyday places', () => {
	const input = dataset({
		participants: participants('solo'),
		tracks: [visit('solo', HOME, 1, 60), visit('solo', SHARED, 2, 30)]
	});
	const own = computeHeatmap(input, {
		view: { kind: 'participant', participantId: 'solo' },
		evidence: true
	});

	it('is never a release', () => {
		expect(() => checkRelease(own.maps.all, own.evidence!, [])).toThrow(NotReleasable);
	});

	it('says "not for publication" inside every file, not only in its name', () => {
		const notice = 'NOT FOR PUBLICATION: one participant’s places';
		const geo = JSON.parse(heatmapGeoJsonText(own, 'all', notice)) as {
			notForPublication: boolean;
			notice: string;
			features: { properties: { notForPublication: boolean; notice: string } }[];
		};
		expect(geo).toMatchObject({ notForPublication: true, notice });
		expect(geo.features).toHaveLength(2);
		for (const f of geo.features)
			expect(f.properties).toMatchObject({ notForPublication: true, notice });
		const csv = heatmapCsv(own.maps.all, notice)
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(csv[0]).toBe(`"${notice}"`);
		expect(csv[1]).toBe('cell,area,lat,lon,weight,unit,class');
	});
});
