import { boundariesRepo } from '$lib/db/boundaries.repo';

/**
 * Imported neighbourhood outlines, for the settings screens (screens import no values from db/:
 * the layer rule in ARCHITECTURE.md). `replaceBoundaries` puts imported outlines in place of those
 * of the same neighbourhoods in one transaction; `currentOutlines` says which are in use.
 */
export { currentOutlines, replaceBoundaries } from '$lib/db/boundaries.repo';

/** Moves an imported outline to the trash: the approximate one is used again. */
export async function removeBoundary(id: string): Promise<void> {
	await boundariesRepo.remove(id);
}

export async function restoreBoundary(id: string): Promise<void> {
	await boundariesRepo.restore(id);
}
