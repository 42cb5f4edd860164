import { m } from '$lib/paraglide/messages.js';
import type { Message } from './message';
import type { AppLocale } from '$lib/domain/format/datetime';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';

const NEIGHBOURHOODS: Record<NeighbourhoodKey, Message> = {
	vesterbro: m.nbVesterbro,
	nordvest: m.nbNordvest,
	sundholm: m.nbSundholm
};

/** The neighbourhood's name, in the current language or the one given (exports name their own). */
export function neighbourhoodName(key: NeighbourhoodKey, locale?: AppLocale): string {
	return NEIGHBOURHOODS[key]({}, { locale });
}
