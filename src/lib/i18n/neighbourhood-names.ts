import { m } from '$lib/paraglide/messages.js';
import type { AppLocale } from '$lib/domain/format/datetime';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';

/** The neighbourhood's name, in the current language or the one given (exports name their own). */
export function neighbourhoodName(key: NeighbourhoodKey, locale?: AppLocale): string {
	switch (key) {
		case 'vesterbro':
			return m.nbVesterbro({}, { locale });
		case 'nordvest':
			return m.nbNordvest({}, { locale });
		case 'sundholm':
			return m.nbSundholm({}, { locale });
	}
}
