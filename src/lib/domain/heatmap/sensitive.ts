import { SENSITIVE_ACTIVITIES } from '../named-places/named-place';
import type { HeatmapParameters } from './schema';

/**
 * Maps of where people sleep, buy or use can guide a clearance of the spot, aggregated or not
 * (issue 17): they leave the device only after a worded confirmation.
 */
export function needsClearanceConfirmation(p: Pick<HeatmapParameters, 'metric' | 'activity'>) {
	return p.metric === 'places-named' && !!p.activity && SENSITIVE_ACTIVITIES.has(p.activity);
}
