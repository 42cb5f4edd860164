import { z } from 'zod';

/**
 * Every refusal of the relay is JSON `{ "error": { "code", "message", … } }` with one of these
 * codes, so a client can act on the code and show its own words; `message` is for logs and people
 * reading the wire, never shown as is. The HTTP status is fixed per code.
 */
export const RELAY_ERRORS = {
	/** The body is not JSON. */
	'not-json': 400,
	/** JSON, but not what this route takes; `issues` lists the paths. */
	invalid: 400,
	/** No such route or method. */
	'not-found': 404,
	/** A signature header is missing or malformed. */
	unauthenticated: 401,
	/** The signature does not verify with the device's key. */
	'bad-signature': 401,
	/** The request's time is outside the window; `serverTime` lets the client correct its clock. */
	'clock-skew': 401,
	/** This device already sent a request with this nonce. */
	replayed: 401,
	/** The device is not a member of this team (or the team does not exist). */
	'not-member': 403,
	/** The admin removed this device (or it left): it can no longer push or pull. */
	removed: 403,
	/** Only the team's admin may do this. */
	'not-admin': 403,
	/** The admin cannot be removed, and cannot leave. */
	'admin-stays': 409,
	/** A team with this id exists already. */
	'team-exists': 409,
	/** The device is already registered in this team. */
	'already-member': 409,
	/** The team has as many devices as the relay allows. */
	'team-full': 409,
	'invite-unknown': 404,
	'invite-expired': 410,
	'invite-used': 410,
	/** Envelopes must be sealed with the current key generation; `generation` names it. */
	'stale-generation': 409,
	/** A new generation must be the current one plus one. */
	'generation-conflict': 409,
	/** Wrapped keys must cover exactly the team's active devices (new generation) or name active devices without one. */
	'key-coverage': 409,
	'request-too-large': 413,
	'too-many-envelopes': 413,
	'envelope-too-large': 413,
	/** Too many requests from this device; `retryAfterMs` says when to try again. */
	'rate-limited': 429,
	/** The team's log has reached the relay's size limit. */
	'log-full': 507,
	internal: 500
} as const satisfies Record<string, number>;

export type RelayErrorCode = keyof typeof RELAY_ERRORS;
export const RelayErrorCode = z.enum(Object.keys(RELAY_ERRORS) as [RelayErrorCode]);

export const RelayErrorBody = z.object({
	error: z.looseObject({
		code: RelayErrorCode,
		message: z.string(),
		serverTime: z.number().optional(),
		retryAfterMs: z.number().optional(),
		generation: z.number().optional(),
		issues: z.array(z.object({ path: z.string(), message: z.string() })).optional()
	})
});
export type RelayErrorBody = z.infer<typeof RelayErrorBody>;

/** Codes after which the same request may succeed later without any change by the user. */
export function isRetryable(code: RelayErrorCode): boolean {
	return code === 'rate-limited' || code === 'internal';
}
