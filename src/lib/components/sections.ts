import type { Pathname } from '$app/types';
import type { IconName } from './Icon.svelte';
import { m } from '$lib/paraglide/messages.js';

export interface Section {
	path: Pathname;
	label: () => string;
	icon: IconName;
}

/** The sections in the navigation. Only sections that are built are listed; nothing is a placeholder. */
export const SECTIONS: Section[] = [
	{ path: '/notes', label: () => m.navNotes(), icon: 'notes' },
	{ path: '/follow', label: () => m.navFollowAlongs(), icon: 'route' },
	{ path: '/places', label: () => m.navPlaces(), icon: 'place' },
	{ path: '/map', label: () => m.navMap(), icon: 'map' },
	{ path: '/heatmaps', label: () => m.navHeatmaps(), icon: 'heat' },
	{ path: '/settings', label: () => m.navSettings(), icon: 'settings' }
];
