import type { HeatmapParameters } from './schema';

/**
 * Maps of where people sleep, buy or use can guide a clearance of the spot, aggregated or not
 * (issue 17): they leave the device only after a worded confirmation.
 */
export const CLEARANCE_RISK_ACTIVITIES: readonly string[] = ['sleep', 'buy', 'use'];

/** Whether a map counts one of those activities, so its export needs the confirmation. */
export function needsClearanceConfirmation(p: Pick<HeatmapParameters, 'metric' | 'activity'>) {
	return p.metric === 'places-named' && CLEARANCE_RISK_ACTIVITIES.includes(p.activity ?? '');
}
