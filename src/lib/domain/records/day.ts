/**
 * What is kept in the clear keeps a time to the day at most (issue 16): the start of its UTC day.
 * Enough to say "made on", "stored on" or "out of date", not when in the day anything happened.
 */
export const DAY_MS = 86_400_000;

export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
