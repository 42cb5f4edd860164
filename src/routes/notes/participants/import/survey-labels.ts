import { m } from '$lib/paraglide/messages.js';
import type { PlaceSource } from '$lib/domain/survey/mapping';

/** Which columns a place answer is read from, in the user's words. */
export function describeSource(s: PlaceSource): string {
	if (s.kind === 'geopoint') return m.surveyKindGeopoint({ column: s.column });
	if (s.kind === 'glossary') return m.surveyKindGlossary({ column: s.column });
	const pos = m.surveyKindLatlon({ lat: s.lat, lon: s.lon });
	return s.precision ? `${pos} · ${m.surveyKindPrecision({ column: s.precision })}` : pos;
}
