import { RELAY_ERRORS, type RelayErrorCode } from '../../src/lib/domain/sync/index.ts';

/** A refusal: thrown anywhere in a handler, answered as JSON with its code and fixed status. */
export class Refusal extends Error {
	readonly status: number;
	constructor(
		readonly code: RelayErrorCode,
		message: string,
		readonly details: Record<string, unknown> = {}
	) {
		super(message);
		this.status = RELAY_ERRORS[code];
	}

	body(): { error: Record<string, unknown> } {
		return { error: { code: this.code, message: this.message, ...this.details } };
	}
}
