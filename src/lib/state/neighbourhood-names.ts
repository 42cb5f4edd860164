import { m } from '$lib/paraglide/messages.js';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';

export function neighbourhoodName(key: NeighbourhoodKey): string {
	switch (key) {
		case 'vesterbro':
			return m.nbVesterbro();
		case 'nordvest':
			return m.nbNordvest();
		case 'sundholm':
			return m.nbSundholm();
	}
}
