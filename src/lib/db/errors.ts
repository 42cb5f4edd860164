/** Errors the UI can explain in the user's words; each carries a stable code for the catalogue. */
export class StorageFullError extends Error {
	override readonly name = 'StorageFullError';
	constructor(cause?: unknown) {
		super('The device has no more room for Stedsans data.', { cause });
	}
}

export class RecordValidationError extends Error {
	override readonly name = 'RecordValidationError';
	constructor(
		readonly table: string,
		readonly detail: string
	) {
		super(`Invalid ${table} record: ${detail}`);
	}
}

export class NotFoundError extends Error {
	override readonly name = 'NotFoundError';
	constructor(
		readonly table: string,
		readonly id: string
	) {
		super(`No ${table} record ${id}`);
	}
}

export function isQuotaError(e: unknown, depth = 0): boolean {
	if (!e || typeof e !== 'object' || depth > 5) return false;
	const err = e as { name?: string; inner?: unknown; cause?: unknown; failures?: unknown[] };
	if (err.name === 'QuotaExceededError' || err.name === 'StorageFullError') return true;
	// Dexie's BulkError lists the failed operations one by one.
	if (Array.isArray(err.failures) && err.failures.some((f) => isQuotaError(f, depth + 1)))
		return true;
	return isQuotaError(err.inner ?? err.cause, depth + 1);
}

/**
 * Runs a write and turns a full disk into a StorageFullError (the transaction has rolled back).
 * `aborted` is the IndexedDB transaction's own error: when a full disk aborts a transaction its
 * requests fail with AbortError (Dexie reports those as a BulkError) and only the transaction
 * carries the QuotaExceededError.
 */
export async function guardQuota<T>(
	write: () => Promise<T>,
	aborted: () => unknown = () => null
): Promise<T> {
	try {
		return await write();
	} catch (e) {
		if (isQuotaError(e) || isQuotaError(aborted())) throw new StorageFullError(e);
		throw e;
	}
}
