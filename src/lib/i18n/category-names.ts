import { m } from '$lib/paraglide/messages.js';
import type { InstitutionKind, PlaceCategory } from '$lib/domain/places/place';

const CATEGORYS: Record<PlaceCategory, () => string> = {
	hangout: m.catHangout,
	buying: m.catBuying,
	using: m.catUsing,
	sleeping: m.catSleeping,
	'earning-begging': m.catEarning,
	waiting: m.catWaiting,
	'getting-help': m.catGettingHelp,
	transport: m.catTransport,
	shop: m.catShop,
	park: m.catPark,
	avoided: m.catAvoided,
	other: m.catOther
};

export function categoryName(c: PlaceCategory): string {
	return CATEGORYS[c]();
}

const INSTITUTION_KINDS: Record<InstitutionKind, () => string> = {
	'consumption-room': m.kindConsumptionRoom,
	shelter: m.kindShelter,
	'night-cafe': m.kindNightCafe,
	'health-clinic': m.kindHealthClinic,
	treatment: m.kindTreatment,
	'job-centre': m.kindJobCentre,
	police: m.kindPolice,
	'street-team': m.kindStreetTeam,
	other: m.kindOther
};

export function institutionKindName(k: InstitutionKind): string {
	return INSTITUTION_KINDS[k]();
}
