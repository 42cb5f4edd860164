import type {
	HeatmapInput,
	HeatmapParticipant,
	HeatmapStop,
	Institution,
	LocatedNote,
	NamedPlaceInput,
	TrackColumns
} from '$lib/domain/heatmap/schema';
import { namedPlaceInput } from '$lib/domain/heatmap/named-input';
import { interviewsRepo, namedPlacesRepo } from '$lib/db/named-places.repo';
import { inAggregates } from '$lib/domain/participants/participant';
import { isLive, type PlaceContent } from '$lib/domain/places/place';
import { currentOutlines, outlinesOnly } from '$lib/db/boundaries.repo';
import { listFollowAlongs, partsOfDays } from '$lib/db/follow-alongs.queries';
import type { FixChunk, FollowAlong, Stop } from '$lib/db/follow-alongs.repo';
import { allNoteRows } from '$lib/db/notes.queries';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { placesRepo } from '$lib/db/places.repo';
import { getSettings } from '$lib/db/settings.repo';

/**
 * Gathers what a heatmap is computed from, read through the repositories (so it works the same
 * on an encrypted workspace): the participants with their consent, the follow-along days' fixes
 * decoded from their chunks, the stops, the located notes, the glossary's institutions and the
 * neighbourhood outlines in use, plus the workspace's institution buffer.
 *
 * Data of participants who may not enter a map (no consent to aggregates, withdrawn) is not even
 * read: the heatmap would leave it out anyway, and only their number is reported.
 */

export interface GatherOptions {
	/** Only this participant's data (the participant view); everyone else's stays unread. */
	participantId?: string;
	/** Days read per batch; between batches the main thread is given back to the page. */
	batchSize?: number;
	onProgress?: (fraction: number) => void;
}

export interface GatheredInput {
	input: HeatmapInput;
	institutionBufferMetres: number;
	fixes: number;
}

/** A stop marked as an institution without a glossary place still hides its surroundings. */
const MARKED_INSTITUTION_RADIUS = 0;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function gatherHeatmapInput(opts: GatherOptions = {}): Promise<GatheredInput> {
	const batchSize = opts.batchSize ?? 4;
	const [people, days, placeList, outlineInfo, settings] = await Promise.all([
		participantsRepo.list(),
		listFollowAlongs(),
		placesRepo.list(),
		currentOutlines(),
		getSettings()
	]);
	const participants: HeatmapParticipant[] = people.map((p) => ({
		id: p.id,
		aggregateConsent: p.consent.aggregate,
		withdrawn: p.withdrawnAt !== null
	}));
	const enters = new Set(
		people
			.filter((p) => inAggregates(p) && (!opts.participantId || p.id === opts.participantId))
			.map((p) => p.id)
	);
	const institutions = glossaryInstitutions(placeList);
	const institutionPlaces = new Set(institutions.map((i) => i.id));

	const counted = days.filter((d) => d.participantId !== null && enters.has(d.participantId));
	const tracks: TrackColumns[] = [];
	const stops: HeatmapStop[] = [];
	let fixes = 0;
	for (let from = 0; from < counted.length; from += batchSize) {
		const batch = counted.slice(from, from + batchSize);
		const parts = await partsOfDays(batch.map((d) => d.id));
		for (const day of batch) {
			const { chunks, stops: dayStops } = parts.get(day.id)!;
			const track = trackColumns(day, chunks);
			if (track) {
				tracks.push(track);
				fixes += track.t.length;
			}
			for (const s of dayStops) {
				const stop = heatmapStop(day, s);
				if (stop) stops.push(stop);
				if (s.institution && !(s.placeId && institutionPlaces.has(s.placeId)))
					institutions.push(markedInstitution(s));
			}
		}
		opts.onProgress?.(Math.min(1, (from + batch.length) / Math.max(1, counted.length)) * 0.9);
		await yieldToPage();
	}
	const notes = await locatedNotes(enters, batchSize * 25);
	const namedPlaces = await namedBy(enters, placeList);
	opts.onProgress?.(1);
	return {
		input: {
			participants,
			tracks,
			stops,
			notes,
			namedPlaces,
			institutions,
			outlines: outlinesOnly(outlineInfo)
		},
		institutionBufferMetres: settings.institutionBufferMetres,
		fixes
	};
}

/**
 * The day's fixes as the heatmap's columns, straight from its chunks (already in `seq` order):
 * one copy, and only the columns the heatmap reads. `src` keeps its gap bit, which the heatmap
 * reads as a break; time order across chunks is checked by the heatmap, which names the day.
 */
function trackColumns(day: FollowAlong, chunks: readonly FixChunk[]): TrackColumns | null {
	const count = chunks.reduce((n, c) => n + c.count, 0);
	if (count === 0) return null;
	const t = new Float64Array(count);
	const lat = new Float64Array(count);
	const lon = new Float64Array(count);
	const src = new Uint8Array(count);
	let at = 0;
	for (const c of chunks) {
		t.set(c.t.subarray(0, c.count), at);
		lat.set(c.lat.subarray(0, c.count), at);
		lon.set(c.lon.subarray(0, c.count), at);
		src.set(c.src.subarray(0, c.count), at);
		at += c.count;
	}
	return { followAlongId: day.id, participantId: day.participantId!, t, lat, lon, src };
}

/** A stop still open (no departure yet) has no dwell to count. */
function heatmapStop(day: FollowAlong, s: Stop): HeatmapStop | null {
	if (s.departedAt === null || s.departedAt < s.arrivedAt) return null;
	return {
		participantId: day.participantId!,
		followAlongId: day.id,
		arrivedAt: s.arrivedAt,
		departedAt: s.departedAt,
		lat: s.lat,
		lon: s.lon
	};
}

function markedInstitution(s: Stop): Institution {
	return {
		shape: 'circle',
		id: `stop:${s.id}`,
		lat: s.lat,
		lon: s.lon,
		radiusMetres: MARKED_INSTITUTION_RADIUS
	};
}

/**
 * Every live glossary place marked institution that has a position. Dates of opening and closing
 * are not applied: an institution that has closed still hides its surroundings (stricter, and
 * the team's dates are rough).
 */
export function glossaryInstitutions(
	places: readonly (PlaceContent & { id: string; deletedAt: number | null })[]
): Institution[] {
	const out: Institution[] = [];
	for (const p of places) {
		if (!p.institution || !isLive(p) || p.location === null) continue;
		const loc = p.location;
		out.push(
			loc.type === 'point'
				? { shape: 'circle', id: p.id, lat: loc.lat, lon: loc.lon, radiusMetres: loc.radius }
				: { shape: 'area', id: p.id, geometry: { type: 'Polygon', coordinates: [loc.ring] } }
		);
	}
	return out;
}

/** Notes with a grid cell about at least one participant who may enter (never a raw position). */
async function locatedNotes(enters: ReadonlySet<string>, batch: number): Promise<LocatedNote[]> {
	const rows = await allNoteRows();
	const out: LocatedNote[] = [];
	for (let from = 0; from < rows.length; from += batch) {
		for (const n of await notesRepo.live(rows.slice(from, from + batch))) {
			if (n.location === null || !n.participantIds.some((id) => enters.has(id))) continue;
			out.push({
				participantIds: n.participantIds,
				observedAt: n.observedAt,
				cell: n.location.cell
			});
		}
		await yieldToPage();
	}
	return out;
}

/**
 * The live named places of participants who may enter, as cells: a glossary place through its
 * location (a merged place through the one it was merged into), dated by their interview.
 */
async function namedBy(
	enters: ReadonlySet<string>,
	places: readonly (PlaceContent & { id: string; mergedInto: string | null })[]
): Promise<NamedPlaceInput[]> {
	const [named, interviews] = await Promise.all([namedPlacesRepo.list(), interviewsRepo.list()]);
	const byId = new Map(places.map((p) => [p.id, p]));
	const location = (id: string) => {
		let p = byId.get(id);
		for (let hops = 0; p?.mergedInto && hops < 10; hops++) p = byId.get(p.mergedInto);
		return p?.location ?? null;
	};
	const dates = new Map(interviews.map((i) => [i.id, i.date]));
	const out: NamedPlaceInput[] = [];
	for (const np of named) {
		if (!enters.has(np.participantId)) continue;
		const input = namedPlaceInput(np, location, (id) => dates.get(id) ?? null);
		if (input) out.push(input);
	}
	return out;
}
