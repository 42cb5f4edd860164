import { m } from '$lib/paraglide/messages.js';
import type { FieldChange } from '$lib/domain/places/history';
import type { PlaceField, PlaceLocation } from '$lib/domain/places/place';
import { neighbourhoodName } from './neighbourhood-names';
import { categoryName, institutionKindName } from './category-names';

/** "From 2024-03-01 to 2025-06-30", "Since …", "Until …", or "Always" for an open period. */
export function formatPeriod(from: string | null, to: string | null): string {
	if (from && to) return m.periodFromTo({ from, to });
	if (from) return m.periodFrom({ from });
	if (to) return m.periodTo({ to });
	return m.periodAlways();
}

export function formatLocation(location: PlaceLocation | null): string {
	if (!location) return m.placeNoPosition();
	if (location.type === 'point')
		return m.locationPointText({
			lat: location.lat.toFixed(5),
			lon: location.lon.toFixed(5),
			radius: location.radius
		});
	return m.locationAreaText({ corners: location.ring.length - 1 });
}

/** "1 h 25 min", "40 min", "under a minute". */
export function formatDuration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes < 1) return m.durationUnderMinute();
	const h = Math.floor(minutes / 60);
	return h ? m.durationHours({ h, min: minutes % 60 }) : m.durationMinutes({ min: minutes });
}

const FIELDS: Record<PlaceField, () => string> = {
	name: m.placeName,
	aliases: m.placeAliases,
	officialName: m.placeOfficialName,
	category: m.placeCategory,
	institution: m.placeInstitution,
	institutionKind: m.placeInstitutionKind,
	neighbourhood: m.placeNeighbourhood,
	location: m.placeLocation,
	description: m.placeDescription,
	validFrom: m.placeValidFrom,
	validTo: m.placeValidTo,
	positionToVerify: m.placeVerifyShort,
	mergedInto: m.placeMergedIntoField
};

export function fieldName(field: PlaceField): string {
	return FIELDS[field]();
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** One side of a change as text (always text: names are shown as typed, never as markup). */
export function formatValue(
	change: FieldChange,
	side: 'from' | 'to',
	placeName: (id: string) => string
): string {
	const none = m.noneOption();
	switch (change.field) {
		case 'name':
		case 'officialName':
		case 'validFrom':
		case 'validTo':
			return change[side] ? clip(change[side]) : none;
		case 'aliases':
			return change[side].length ? clip(change[side].join(', ')) : none;
		case 'category':
			return categoryName(change[side]);
		case 'institution':
		case 'positionToVerify':
			return change[side] ? m.placeYes() : m.placeNo();
		case 'institutionKind':
			return change[side] ? institutionKindName(change[side]) : none;
		case 'neighbourhood':
			return change[side] ? neighbourhoodName(change[side]) : none;
		case 'location':
			return formatLocation(change[side]);
		case 'description':
			return change[side].text.trim() ? clip(change[side].text) : none;
		case 'mergedInto':
			return change[side] ? placeName(change[side]) : none;
	}
}
