import type { Pathname } from '$app/types';
import type { IconName } from './Icon.svelte';
import { m } from '$lib/paraglide/messages.js';

/**
 * The paths sections link to. Narrower than every route (`Pathname`): `resolve` over a union of
 * more than 25 routes is beyond TypeScript's overload check, and a section is one of these anyway.
 */
type SectionPath = Extract<
	Pathname,
	| '/notes'
	| '/follow'
	| '/places'
	| '/map'
	| '/heatmaps'
	| '/settings'
	| '/notes/participants'
	| '/interviews'
	| '/notes/codebook'
	| '/settings/trash'
>;

export interface Section {
	path: SectionPath;
	label: () => string;
	icon: IconName;
	/** In the phone's bottom bar (at most four, and More); the others are under More. */
	bar?: boolean;
}

/** The sections in the navigation. Only sections that are built are listed; nothing is a placeholder. */
export const SECTIONS: Section[] = [
	{ path: '/notes', label: () => m.navNotes(), icon: 'notes', bar: true },
	{ path: '/follow', label: () => m.navFollowAlongs(), icon: 'route', bar: true },
	{ path: '/places', label: () => m.navPlaces(), icon: 'place', bar: true },
	{ path: '/map', label: () => m.navMap(), icon: 'map', bar: true },
	{ path: '/heatmaps', label: () => m.navHeatmaps(), icon: 'heat' },
	{ path: '/settings', label: () => m.navSettings(), icon: 'settings' }
];

/** What the phone's More menu holds besides the sections left out of the bar. */
export const MORE_LINKS: Section[] = [
	{ path: '/notes/participants', label: () => m.participantsTitle(), icon: 'user' },
	{ path: '/interviews', label: () => m.navInterviews(), icon: 'map' },
	{ path: '/notes/codebook', label: () => m.codebookTitle(), icon: 'tag' },
	{ path: '/settings/trash', label: () => m.trashTitle(), icon: 'trash' }
];

/** Screens that show the New note button: overviews, never the editor or a form (the home has its own). */
export const NEW_NOTE_SCREENS: readonly string[] = [
	'/notes',
	'/follow',
	'/follow/day',
	'/places',
	'/places/view',
	'/map'
];
