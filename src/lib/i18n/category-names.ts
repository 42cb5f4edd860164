import { m } from '$lib/paraglide/messages.js';
import type { InstitutionKind, PlaceCategory } from '$lib/domain/places/place';

export function categoryName(c: PlaceCategory): string {
	switch (c) {
		case 'hangout':
			return m.catHangout();
		case 'buying':
			return m.catBuying();
		case 'using':
			return m.catUsing();
		case 'sleeping':
			return m.catSleeping();
		case 'earning-begging':
			return m.catEarning();
		case 'waiting':
			return m.catWaiting();
		case 'getting-help':
			return m.catGettingHelp();
		case 'transport':
			return m.catTransport();
		case 'shop':
			return m.catShop();
		case 'park':
			return m.catPark();
		case 'avoided':
			return m.catAvoided();
		case 'other':
			return m.catOther();
	}
}

export function institutionKindName(k: InstitutionKind): string {
	switch (k) {
		case 'consumption-room':
			return m.kindConsumptionRoom();
		case 'shelter':
			return m.kindShelter();
		case 'night-cafe':
			return m.kindNightCafe();
		case 'health-clinic':
			return m.kindHealthClinic();
		case 'treatment':
			return m.kindTreatment();
		case 'job-centre':
			return m.kindJobCentre();
		case 'police':
			return m.kindPolice();
		case 'street-team':
			return m.kindStreetTeam();
		case 'other':
			return m.kindOther();
	}
}
