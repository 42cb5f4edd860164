import type { StopInput } from '$lib/domain/follow-alongs/stop';
import type { WorkspaceSettingsContent } from '$lib/domain/settings/workspace-settings';
import { detectStops, mergeStops, splitStop, type ProposedStop } from '$lib/domain/tracks/stops';
import type { Track } from '$lib/domain/tracks/track';
import { splitEntity } from '$lib/domain/records/record';
import { change, commit } from '$lib/db/commit';
import { stopsOf, trackOf } from '$lib/db/follow-alongs.queries';
import { stopsRepo, type Stop } from '$lib/db/follow-alongs.repo';

/**
 * A day's stops: marked during the day ("We stopped here"), proposed by stop detection after it,
 * or placed on the map. Proposals are confirmed, merged, split or deleted by the researcher.
 */

export type StopFields = Pick<
	StopInput,
	| 'ownName'
	| 'category'
	| 'institution'
	| 'activities'
	| 'present'
	| 'feeling'
	| 'encounter'
	| 'typical'
	| 'placeId'
>;

export type DetectSettings = Pick<WorkspaceSettingsContent, 'stopRadiusMetres' | 'stopMinMinutes'>;

/** "We stopped here": a stop from now, at the last position; it stays open until they leave. */
export async function markStop(
	followAlongId: string,
	at: number,
	position: { lat: number; lon: number }
): Promise<Stop> {
	return stopsRepo.create(
		{
			followAlongId,
			arrivedAt: at,
			lat: position.lat,
			lon: position.lon,
			source: 'marked',
			status: 'confirmed'
		},
		{ now: at }
	);
}

/** "We are leaving": closes a marked stop. */
export async function closeStop(id: string, at: number): Promise<Stop> {
	const stop = await stopsRepo.require(id);
	return stopsRepo.update(id, { departedAt: Math.max(at, stop.arrivedAt) });
}

/** A stop placed by hand on the map (no recording, or a stop the recording missed). */
export async function addStop(
	followAlongId: string,
	stop: { arrivedAt: number; departedAt: number; lat: number; lon: number } & Partial<StopFields>
): Promise<Stop> {
	return stopsRepo.create({ followAlongId, ...stop, source: 'sketched', status: 'confirmed' });
}

export async function updateStop(
	id: string,
	fields: Partial<StopFields> & { arrivedAt?: number; departedAt?: number | null }
): Promise<Stop> {
	return stopsRepo.update(id, fields);
}

export async function confirmStop(id: string): Promise<Stop> {
	return stopsRepo.update(id, { status: 'confirmed' });
}

/** To the trash; `restoreStop` undoes it. */
export async function deleteStop(id: string): Promise<void> {
	await stopsRepo.remove(id);
}

export async function restoreStop(id: string): Promise<void> {
	await stopsRepo.restore(id);
}

/**
 * Stop detection over the day's route with the workspace's radius and minimum time. Earlier
 * proposals are replaced; confirmed and marked stops are kept, and nothing is proposed where one
 * already is. Returns the new proposals.
 */
export async function detectFollowAlongStops(
	followAlongId: string,
	settings: DetectSettings,
	now = Date.now()
): Promise<Stop[]> {
	const [{ track }, existing] = await Promise.all([trackOf(followAlongId), stopsOf(followAlongId)]);
	const { proposals, retired } = proposalsFor(followAlongId, track, existing, settings, now);
	await commit([change(stopsRepo, [...proposals, ...retired])]);
	// Old proposals were never the researcher's: once replaced they leave no trace in the trash.
	for (const r of retired) await stopsRepo.purge(r.id).catch(() => {});
	return proposals;
}

/** The stops detection proposes for a track, and the old proposals they retire (not yet written). */
export function proposalsFor(
	followAlongId: string,
	track: Track,
	existing: readonly Stop[],
	settings: DetectSettings,
	now = Date.now()
): { proposals: Stop[]; retired: Stop[] } {
	// Detection replaces only its own earlier proposals; waypoints waiting to be confirmed stay.
	const kept = existing.filter((s) => s.status === 'confirmed' || s.source !== 'detected');
	const found = detectStops(track, {
		radiusM: settings.stopRadiusMetres,
		minDurationMs: settings.stopMinMinutes * 60_000
	}).filter((p) => !kept.some((s) => overlaps(s, p)));
	const proposals = found.map((p) =>
		stopsRepo.prepare(
			{
				followAlongId,
				arrivedAt: Math.round(p.arrivedAt),
				departedAt: Math.round(p.departedAt),
				lat: p.lat,
				lon: p.lon,
				source: 'detected',
				status: 'proposed',
				fixCount: p.fixCount
			},
			now
		)
	);
	const retired = existing
		.filter((s) => s.status === 'proposed' && s.source === 'detected')
		.map((s) => stopsRepo.trash(s, now));
	return { proposals, retired };
}

function overlaps(s: Stop, p: ProposedStop): boolean {
	const end = s.departedAt ?? Infinity;
	return p.arrivedAt < end && p.departedAt > s.arrivedAt;
}

/**
 * One stop from two (the same visit): the earlier keeps its id and fields, the later goes to the
 * trash in the same transaction. Returns the kept stop.
 */
export async function mergeTwoStops(aId: string, bId: string, now = Date.now()): Promise<Stop> {
	const [a, b] = (await stopsRepo.getMany([aId, bId])).map((s, i) => {
		if (!s) throw new Error(`stop ${[aId, bId][i]} not found`);
		return s;
	}) as [Stop, Stop];
	const [first, second] = a.arrivedAt <= b.arrivedAt ? [a, b] : [b, a];
	const merged = mergeStops(asProposed(first), asProposed(second));
	const kept = stopsRepo.touch(
		first,
		{
			arrivedAt: merged.arrivedAt,
			departedAt: merged.departedAt,
			lat: merged.lat,
			lon: merged.lon,
			fixCount: merged.fixCount,
			// Merging is the researcher's decision about the stop: it is no longer a mere proposal.
			status: 'confirmed'
		},
		now
	);
	const gone = stopsRepo.trash(second, now);
	await commit([change(stopsRepo, [kept, gone])]);
	return kept;
}

/** Two stops from one at `at` (they left and came back); the second is a new stop. */
export async function splitOneStop(
	id: string,
	at: number,
	radiusM: number,
	now = Date.now()
): Promise<[Stop, Stop]> {
	const stop = await stopsRepo.require(id);
	const { track } = await trackOf(stop.followAlongId);
	const [a, b] = splitStop(track, asProposed(stop), at, radiusM);
	const first = stopsRepo.touch(stop, { ...a, status: 'confirmed' }, now);
	const { content } = splitEntity({ ...stop, ...b });
	const second = stopsRepo.prepare({ ...content, status: 'confirmed' }, now);
	await commit([change(stopsRepo, [first, second])]);
	return [first, second];
}

function asProposed(s: Stop): Stop & ProposedStop {
	return { ...s, departedAt: s.departedAt ?? s.arrivedAt };
}

/**
 * Undoes a merge, a split or a delete: the stops as they were before (`before`, as the screen
 * held them) are written back, and stops the action made (`made`, the second half of a split)
 * go to the trash, in one transaction. The restored versions are new changes made here, so a
 * team package carries the undo like any other edit.
 */
export async function undoStopChange(
	before: readonly Stop[],
	made: readonly string[] = [],
	now = Date.now()
): Promise<void> {
	const current = await stopsRepo.getMany([...before.map((s) => s.id), ...made]);
	const back = before.map((s, i) =>
		stopsRepo.touch(current[i] ?? s, { ...splitEntity(s).content, deletedAt: s.deletedAt }, now)
	);
	const gone = made.flatMap((_, k) => {
		const s = current[before.length + k];
		return s ? [stopsRepo.trash(s, now)] : [];
	});
	await commit([change(stopsRepo, [...back, ...gone])]);
}
