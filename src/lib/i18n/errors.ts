import { m } from '$lib/paraglide/messages.js';
import { LockedError } from '$lib/crypto/errors';
import { NotFoundError, RecordValidationError, StorageFullError } from '$lib/db/errors';

/** The user's words for an error: what happened, and that nothing was half-written. */
export function describeError(e: unknown): string {
	if (e instanceof StorageFullError) return m.errorStorageFull();
	if (e instanceof RecordValidationError) return m.errorInvalidRecord({ detail: e.detail });
	if (e instanceof NotFoundError) return m.errorNotFound();
	if (e instanceof LockedError) return m.lockedError();
	const message = e instanceof Error ? e.message : String(e);
	return m.errorUnexpected({ message });
}

/** A record the repository refused (its schema check failed): the form's input was not valid. */
export function isInvalidRecord(e: unknown): boolean {
	return e instanceof RecordValidationError || (e instanceof Error && e.name === 'ZodError');
}
