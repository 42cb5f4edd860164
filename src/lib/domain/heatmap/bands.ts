import { z } from 'zod';

/*
 * Counts in bands: what a released report says instead of an exact number wherever an exact one
 * would help subtraction ("participants 21 → 20" tells that one person left and, with the days,
 * how many days were theirs). The bands follow a 1–2–5 ladder after the first ones, so a band is
 * never narrower than the ones below it.
 */

export const CountBand = z.object({
	from: z.number().int().min(0),
	/** Exclusive; null: and more. */
	to: z.number().int().positive().nullable()
});
export type CountBand = z.infer<typeof CountBand>;

const LADDER = [0, 1, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];

/** The band a count falls in: 0, 1–4, 5–9, 10–19, 20–49, 50–99, 100–199, … */
export function countBand(n: number): CountBand {
	const v = Math.max(0, Math.floor(n));
	if (v === 0) return { from: 0, to: 1 };
	for (let i = LADDER.length - 1; i >= 0; i--)
		if (v >= LADDER[i]!) return { from: LADDER[i]!, to: LADDER[i + 1] ?? null };
	return { from: 0, to: 1 };
}

/** A share (0–1) rounded to whole 5 %, as a released report states it. */
export function shareBand(share: number): number {
	return Math.round(Math.max(0, Math.min(1, share)) * 20) * 5;
}
