import type { Resolution } from '$lib/domain/exchange/resolve';
import type { ImportConflict } from './package-import.service';

/**
 * What the conflict screen (routes/settings/team/ConflictCard.svelte) needs of the conflicts it
 * shows: a team package's import, or the conflicts team sync kept (features/sync).
 */
export interface ConflictFlow {
	readonly preview: {
		conflicts: ImportConflict[];
		names: ReadonlyMap<string, string>;
		header: { madeBy: { displayName: string } };
	} | null;
	current: number;
	readonly resolutions: ReadonlyMap<string, Resolution>;
	readonly settled: number;
	choose(key: string, choice: Resolution): void;
	chooseRest(choice: 'mine' | 'theirs'): void;
}
