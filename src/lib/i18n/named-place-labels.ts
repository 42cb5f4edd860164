import { m } from '$lib/paraglide/messages.js';
import type { AppLocale } from '$lib/domain/format/datetime';
import type { Message } from './message';
import type {
	Activity,
	Companion,
	Feeling,
	Frequency,
	NamedPlaceSource,
	TimeOfDay
} from '$lib/domain/named-places/named-place';

/** The user's words for a named place's attributes, in the current language. */

const SOURCES: Record<NamedPlaceSource, Message> = {
	interview: m.npSourceInterview,
	survey: m.npSourceSurvey,
	'follow-along': m.npSourceFollowAlong,
	observation: m.npSourceObservation
};

const ACTIVITY_NAMES: Record<Activity, Message> = {
	sleep: m.npActSleep,
	'hang-out': m.npActHangOut,
	buy: m.npActBuy,
	use: m.npActUse,
	earn: m.npActEarn,
	eat: m.npActEat,
	wash: m.npActWash,
	help: m.npActHelp,
	meet: m.npActMeet,
	avoid: m.npActAvoid
};

const FREQUENCY_NAMES: Record<Frequency, () => string> = {
	daily: m.npFreqDaily,
	weekly: m.npFreqWeekly,
	monthly: m.npFreqMonthly,
	rarely: m.npFreqRarely
};

const TIME_NAMES: Record<TimeOfDay, () => string> = {
	morning: m.npTimeMorning,
	afternoon: m.npTimeAfternoon,
	evening: m.npTimeEvening,
	night: m.npTimeNight
};

const COMPANION_NAMES: Record<Companion, () => string> = {
	alone: m.npWithAlone,
	partner: m.npWithPartner,
	friends: m.npWithFriends,
	group: m.npWithGroup
};

const FEELING_NAMES: Record<Feeling, () => string> = {
	safe: m.npFeelSafe,
	neutral: m.npFeelNeutral,
	tense: m.npFeelTense,
	unsafe: m.npFeelUnsafe
};

/** In the current language, or the one given (a report names its own). */
export const sourceName = (s: NamedPlaceSource, locale?: AppLocale): string =>
	SOURCES[s]({}, { locale });
export const activityName = (a: Activity, locale?: AppLocale): string =>
	ACTIVITY_NAMES[a]({}, { locale });
export const frequencyName = (f: Frequency): string => FREQUENCY_NAMES[f]();
export const timeOfDayName = (t: TimeOfDay): string => TIME_NAMES[t]();
export const companionName = (c: Companion): string => COMPANION_NAMES[c]();
export const feelingName = (f: Feeling): string => FEELING_NAMES[f]();
