import { m } from '$lib/paraglide/messages.js';
import type { Consent, LocationConsent } from '$lib/domain/participants/participant';

export function locationConsentName(l: LocationConsent): string {
	return l === 'none'
		? m.consentLocNone()
		: l === 'neighbourhood'
			? m.consentLocNeighbourhood()
			: m.consentLocCell();
}

export function consentSummary(c: Consent): string {
	return [
		m.consentLocationSummary({ level: locationConsentName(c.location) }),
		c.followAlong ? m.consentFollowYes() : m.consentFollowNo(),
		c.aggregate ? m.consentAggregateYes() : m.consentAggregateNo()
	].join(' · ');
}
