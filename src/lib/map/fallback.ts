/**
 * Decides when the basemap has failed: the style did not load in time, or tiles keep failing
 * while none has arrived. Pure, so it is unit-tested without a map.
 */
export class BasemapWatch {
	#styleLoaded = false;
	#tileErrors = 0;
	#tilesLoaded = 0;

	constructor(readonly maxTileErrors = 3) {}

	styleLoaded(): void {
		this.#styleLoaded = true;
	}
	tileLoaded(): void {
		this.#tilesLoaded++;
	}
	/** Returns true when the map should switch to the offline style. */
	error(kind: 'style' | 'tile'): boolean {
		if (kind === 'style' && !this.#styleLoaded) return true;
		if (kind === 'tile') this.#tileErrors++;
		return this.#tilesLoaded === 0 && this.#tileErrors >= this.maxTileErrors;
	}
	/** At the deadline: a style that never loaded, or a style without a single tile, has failed. */
	timedOut(): boolean {
		return !this.#styleLoaded || (this.#tilesLoaded === 0 && this.#tileErrors > 0);
	}
}
