/**
 * How long the lock screen waits before it accepts another passphrase after failed attempts.
 *
 * 0 for the first three failures (typos happen, in the cold, in a hurry), then 1 s doubling per
 * failure: 4 → 1 s, 5 → 2 s, 6 → 4 s … 12 → 256 s, and from 13 on 5 minutes each. Twelve
 * guesses an hour is a speed bump for someone holding the phone; it cannot stop an attacker who
 * copied the storage (Argon2id's cost and the passphrase policy do that), and it stops at 5
 * minutes so the researcher is never locked out of a day's work: the recovery key is the way out.
 * The count of failures must be persisted by the caller so that a reload does not reset it, and
 * the wait measured on a clock the device's clock cannot move (features/vault/unlock-gate.service.ts).
 */
export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

export function backoffDelay(failedAttempts: number): number {
	if (!(failedAttempts > FREE_ATTEMPTS)) return 0; // also for NaN
	const doublings = Math.min(Math.floor(failedAttempts) - FREE_ATTEMPTS - 1, 20);
	return Math.min(FIRST_DELAY_MS * 2 ** doublings, MAX_DELAY_MS);
}
