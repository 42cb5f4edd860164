import { RelayErrorBody, type RelayErrorCode } from '$lib/domain/sync';

/** The relay refused a request: its code, status and details, as the protocol states them. */
export class RelayError extends Error {
	override readonly name = 'RelayError';
	constructor(
		readonly code: RelayErrorCode,
		readonly status: number,
		readonly details: RelayErrorBody['error']
	) {
		super(`The relay refused: ${code} (${details.message})`);
	}
}

/** The relay could not be reached, or its answer was cut off: the request may be retried. */
export class RelayUnreachableError extends Error {
	override readonly name = 'RelayUnreachableError';
}

/** Reads a refusal's body and throws it as a RelayError (or as unreachable, when it has none). */
export async function refusal(res: Response): Promise<never> {
	let json: unknown;
	try {
		json = await res.json();
	} catch (e) {
		throw new RelayUnreachableError(`The relay answered ${res.status} without a body`, {
			cause: e
		});
	}
	const parsed = RelayErrorBody.safeParse(json);
	if (!parsed.success) throw new RelayUnreachableError(`The relay answered ${res.status}`);
	throw new RelayError(parsed.data.error.code, res.status, parsed.data.error);
}
