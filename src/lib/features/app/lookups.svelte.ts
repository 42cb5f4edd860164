import { getContext, setContext } from 'svelte';
import { codeLabel } from '$lib/domain/codebook/code';
import {
	DEFAULT_SETTINGS,
	type WorkspaceSettingsContent
} from '$lib/domain/settings/workspace-settings';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from '$lib/domain/neighbourhoods/keys';
import { APPROXIMATE_OUTLINES } from '$lib/domain/neighbourhoods/outlines';
import type { Outlines } from '$lib/domain/neighbourhoods/locate';
import { currentOutlines, type OutlineInfo } from '$lib/db/boundaries.repo';
import { codesRepo, type Code } from '$lib/db/codes.repo';
import { ethnographersRepo, type Ethnographer } from '$lib/db/ethnographers.repo';
import { participantsRepo, type Participant } from '$lib/db/participants.repo';
import { getSettings } from '$lib/db/settings.repo';
import { live } from './live.svelte';
import { locale } from './locale.svelte';

const BUNDLED = Object.fromEntries(
	NEIGHBOURHOOD_KEYS.map((k) => [k, { geometry: APPROXIMATE_OUTLINES[k], boundary: null }])
) as Record<NeighbourhoodKey, OutlineInfo>;

/**
 * The small, often-needed parts of the workspace — participants, codes, ethnographers,
 * settings, outlines — kept live once for every screen.
 */
export class Lookups {
	#participants = live(() => participantsRepo.list(), [] as Participant[]);
	#codes = live(() => codesRepo.list(), [] as Code[]);
	#ethnographers = live(() => ethnographersRepo.list(), [] as Ethnographer[]);
	#settings = live(() => getSettings(), DEFAULT_SETTINGS);
	#outlines = live(() => currentOutlines(), BUNDLED);

	readonly participantById = $derived(new Map(this.#participants.value.map((p) => [p.id, p])));
	readonly codeById = $derived(new Map(this.#codes.value.map((c) => [c.id, c])));
	readonly ethnographerById = $derived(new Map(this.#ethnographers.value.map((e) => [e.id, e])));

	get participants(): Participant[] {
		return this.#participants.value;
	}
	/** The participants have been read (until then `participants` is empty). */
	get participantsLoaded(): boolean {
		return this.#participants.loaded;
	}
	get codes(): Code[] {
		return this.#codes.value;
	}
	get settings(): WorkspaceSettingsContent {
		return this.#settings.value;
	}
	get outlineInfo(): Record<NeighbourhoodKey, OutlineInfo> {
		return this.#outlines.value;
	}
	get outlines(): Outlines {
		const info = this.#outlines.value;
		return Object.fromEntries(NEIGHBOURHOOD_KEYS.map((k) => [k, info[k].geometry])) as Outlines;
	}

	participantCode(id: string): string {
		return this.participantById.get(id)?.code ?? '?';
	}
	codeName(id: string): string {
		const code = this.codeById.get(id);
		return code ? codeLabel(code, locale.current) : '?';
	}
	authorName(id: string): string {
		return this.ethnographerById.get(id)?.displayName || '—';
	}
}

const KEY = Symbol('lookups');

export function provideLookups(): Lookups {
	return setContext(KEY, new Lookups());
}

export function getLookups(): Lookups {
	const l = getContext<Lookups | undefined>(KEY);
	if (!l) throw new Error('Lookups are provided by the root layout');
	return l;
}
