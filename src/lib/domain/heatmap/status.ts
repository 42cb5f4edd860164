/** What the disclosure rules made of each cell of the grid (maps.ts), by number for typed arrays. */
export const CELL_STATUS = {
	/** No data. */
	NONE: 0,
	/** Touches an institution's buffer: left out whole. */
	INSTITUTION: 1,
	K: 2,
	DAYS: 3,
	DOMINANCE: 4,
	SHOWN: 5
} as const;
