import { m } from '$lib/paraglide/messages.js';
import type { FollowAlongContent } from '$lib/domain/follow-alongs/follow-along';
import type { StopContent } from '$lib/domain/follow-alongs/stop';
import type { PlaceCategory } from '$lib/domain/places/place';
import type { GpxProblem } from '$lib/domain/tracks/gpx';
import type { TravelMode } from '$lib/domain/tracks/filter';
import type { SketchProblem } from '$lib/domain/tracks/sketch';
import {
	AlreadyFollowingError,
	NoRecordingConsentError,
	WithdrawnParticipantError
} from '$lib/features/follow-alongs/follow-alongs.service';
import { SketchError } from '$lib/features/follow-alongs/track.service';
import { describeError } from './errors';

/** The user's words for the values of a follow-along day and its stops. */

export const MODE_NAMES: Record<TravelMode, () => string> = {
	walking: m.modeWalking,
	bike: m.modeBike,
	bus: m.modeBus,
	metro: m.modeMetro,
	train: m.modeTrain,
	car: m.modeCar
};

export const KIND_NAMES: Record<FollowAlongContent['kind'], () => string> = {
	natural: m.kindNatural,
	arranged: m.kindArranged
};

export const CHOSEN_BY_NAMES: Record<
	NonNullable<FollowAlongContent['routeChosenBy']>,
	() => string
> = {
	participant: m.chosenByParticipant,
	researcher: m.chosenByResearcher,
	together: m.chosenByTogether
};

export const SOURCE_NAMES: Record<FollowAlongContent['routeSource'], () => string> = {
	gps: m.routeSourceGps,
	imported: m.routeSourceImported,
	sketch: m.routeSourceSketch
};

export const ACTIVITY_NAMES: Record<StopContent['activities'][number], () => string> = {
	'hang-out': m.activityHangOut,
	wait: m.activityWait,
	buy: m.activityBuy,
	use: m.activityUse,
	sleep: m.activitySleep,
	earn: m.activityEarn,
	'get-help': m.activityGetHelp,
	other: m.activityOther
};

export const FEELING_NAMES: Record<NonNullable<StopContent['feeling']>, () => string> = {
	safe: m.feelingSafe,
	tense: m.feelingTense,
	avoided: m.feelingAvoided
};

export const ENCOUNTER_NAMES: Record<NonNullable<StopContent['encounter']>, () => string> = {
	none: m.encounterNone,
	police: m.encounterPolice,
	security: m.encounterSecurity,
	both: m.encounterBoth
};

export const TYPICAL_NAMES: Record<NonNullable<StopContent['typical']>, () => string> = {
	usual: m.typicalUsual,
	sometimes: m.typicalSometimes,
	'first-time': m.typicalFirstTime
};

export const CATEGORY_NAMES: Record<PlaceCategory, () => string> = {
	hangout: m.categoryHangout,
	buying: m.categoryBuying,
	using: m.categoryUsing,
	sleeping: m.categorySleeping,
	'earning-begging': m.categoryEarning,
	waiting: m.categoryWaiting,
	'getting-help': m.categoryGettingHelp,
	transport: m.categoryTransport,
	shop: m.categoryShop,
	park: m.categoryPark,
	avoided: m.categoryAvoided,
	other: m.categoryOther
};

/** Why a GPX file was refused, and that nothing was imported. */
export function gpxProblemMessage(p: GpxProblem): string {
	switch (p.code) {
		case 'too-large':
			return m.gpxTooLarge();
		case 'empty':
			return m.deskGpxEmpty();
		case 'entity-declaration':
			return m.gpxEntities();
		case 'not-xml':
			return m.gpxNotXml();
		case 'not-gpx':
			return m.gpxNotGpx();
		case 'no-points':
			return m.gpxNoPoints();
		case 'missing-times':
			return p.point === undefined ? m.gpxMissingTimes() : m.gpxBadTime({ point: p.point + 1 });
		case 'bad-coordinates':
			return m.gpxBadCoordinates({ point: (p.point ?? 0) + 1 });
		case 'coordinates-out-of-range':
			return m.gpxOutOfRange({ point: (p.point ?? 0) + 1 });
		case 'time-backwards':
			return m.gpxBackwards({ point: (p.point ?? 0) + 1 });
	}
}

export function sketchProblemMessage(p: SketchProblem): string {
	switch (p.code) {
		case 'too-few-points':
			return m.sketchTooFew();
		case 'untimed-ends':
			return m.sketchUntimedEnds();
		case 'time-backwards':
			return m.sketchBackwards({ point: (p.point ?? 0) + 1 });
		case 'coordinates-out-of-range':
			return m.sketchOffMap();
	}
}

/** Errors of the follow-along services in the user's words; others as everywhere. */
export function describeFollowAlongError(e: unknown): string {
	if (e instanceof AlreadyFollowingError) return m.followAlreadyActive();
	if (e instanceof WithdrawnParticipantError) return m.followWithdrawn({ code: e.code });
	if (e instanceof NoRecordingConsentError) return m.followNoRecordingConsent({ code: e.code });
	if (e instanceof SketchError) return sketchProblemMessage(e.problem);
	return describeError(e);
}
