import { m } from '$lib/paraglide/messages.js';
import type { AppLocale } from '$lib/domain/format/datetime';
import type { QdaLabels } from '$lib/domain/qda/model';
import { neighbourhoodName } from '$lib/i18n/neighbourhood-names';
import { genreName } from '$lib/i18n/note-labels';

/**
 * The words of a REFI-QDA project in the UI's language: what the analysis software shows as
 * variable, set and selection names, and the lines of each source's description.
 */
export function qdaLabels(lang: AppLocale, exportDay: string): QdaLabels {
	return {
		lang,
		genre: genreName,
		neighbourhood: (key) => neighbourhoodName(key),
		locationConsent: (level) =>
			level === 'none'
				? m.consentLocNone()
				: level === 'neighbourhood'
					? m.consentLocNeighbourhood()
					: m.consentLocCell(),
		variables: {
			neighbourhood: {
				name: m.noteNeighbourhood(),
				description: m.qdaVarNeighbourhoodDescription()
			},
			locationConsent: { name: m.qdaVarLocation(), description: m.qdaVarLocationDescription() },
			followAlongConsent: {
				name: m.consentFollowLabel(),
				description: m.qdaVarFollowDescription()
			},
			aggregateConsent: {
				name: m.consentAggregateLabel(),
				description: m.qdaVarAggregateDescription()
			},
			withdrawn: { name: m.qdaVarWithdrawn(), description: m.qdaVarWithdrawnDescription() }
		},
		quote: m.genreQuote(),
		placeSet: (name) => m.qdaPlaceSet({ name }),
		placeSetDescription: m.qdaPlaceSetDescription(),
		followSet: (day, code) => (code ? m.qdaFollowSetWith({ day, code }) : m.qdaFollowSet({ day })),
		followSetDescription: m.qdaFollowSetDescription(),
		observed: m.mdObserved(),
		neighbourhoodField: m.noteNeighbourhood(),
		place: m.notePlaceLabel(),
		participants: m.noteParticipants(),
		sensitive: m.noteSensitive(),
		yes: m.yes(),
		projectDescription: (count) => m.qdaProjectDescription({ count, date: exportDay })
	};
}
