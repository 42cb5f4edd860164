import { z } from 'zod';
import { base64UrlLength, isBase64Url } from './base64url';
import { InviteId } from './invite';

/**
 * The relay's wire format: one zod schema per request and response body, shared by the server
 * (which parses every request with them) and the client (which parses every response). The
 * envelope is all the relay ever stores of the team's work: an id it cannot link to a record,
 * the key generation, the AES-GCM nonce and the ciphertext. The record's table, its id, its
 * version vector and every device-clock time are inside the ciphertext.
 */
export const PROTOCOL_VERSION = 1;

/** base64url of exactly `bytes` bytes. */
const fixed = (bytes: number) =>
	z.string().length(base64UrlLength(bytes)).refine(isBase64Url, 'not base64url');

/** 16 random bytes: envelope ids and team ids. */
export const RandomId = fixed(16);
/** The first 128 bits of SHA-256 of the device's signing key (see crypto/relay-keys.ts). */
export const DeviceId = fixed(16);
export type DeviceId = z.infer<typeof DeviceId>;
export const TeamId = fixed(16);
/** An uncompressed P-256 point (0x04 ‖ x ‖ y). */
export const PublicKey = fixed(65);
export const Generation = z.int().min(1).max(1_000_000);

/** A team key wrapped for one device (ECIES to its box key): opaque to the relay. */
export const WrappedKey = z
	.string()
	.min(1)
	.max(base64UrlLength(1024))
	.refine(isBase64Url, 'not base64url');

export const Envelope = z.strictObject({
	/** Random per envelope (never the record's id, which is a ULID carrying a device time). */
	id: RandomId,
	generation: Generation,
	/** The 96-bit AES-GCM IV. */
	nonce: fixed(12),
	ciphertext: z.string().min(1).refine(isBase64Url, 'not base64url')
});
export type Envelope = z.infer<typeof Envelope>;

/** An envelope as pulled: with the sequence number the relay gave it. */
export const LoggedEnvelope = Envelope.extend({ seq: z.int().min(1) });
export type LoggedEnvelope = z.infer<typeof LoggedEnvelope>;

export const DeviceKeys = z.strictObject({
	/** ECDSA P-256: verifies this device's requests. */
	signingKey: PublicKey,
	/** ECDH P-256: the team key is wrapped to it. */
	boxKey: PublicKey
});
export type DeviceKeys = z.infer<typeof DeviceKeys>;

export const Wrap = z.strictObject({ device: DeviceId, key: WrappedKey });
export type Wrap = z.infer<typeof Wrap>;
const Wraps = z.array(Wrap).min(1).max(200);

// ---- requests ----

export const CreateTeamRequest = z.strictObject({
	/** Chosen by the creating device (16 random bytes), so generation 1 can be wrapped for this team. */
	team: TeamId,
	keys: DeviceKeys,
	/** Generation 1 of the team key, wrapped for the creating device itself. */
	wrappedKey: WrappedKey
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>;

export const CreateInviteRequest = z.strictObject({
	/** The invite code's public half (see invite.ts); the relay keeps only its hash. */
	invite: InviteId,
	expiresInSeconds: z
		.int()
		.min(60)
		.max(7 * 24 * 3600)
});
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;

export const JoinRequest = z.strictObject({
	invite: InviteId,
	keys: DeviceKeys,
	/** HMAC of the keys under the invite's secret half, which the relay never sees (invite.ts). */
	proof: fixed(32)
});
export type JoinRequest = z.infer<typeof JoinRequest>;

/** A new key generation: wrapped for every active device (after the removal, if any). */
export const NextGeneration = z.strictObject({ generation: Generation, wraps: Wraps });
export type NextGeneration = z.infer<typeof NextGeneration>;

export const RemoveDeviceRequest = z.strictObject({ device: DeviceId, next: NextGeneration });
export type RemoveDeviceRequest = z.infer<typeof RemoveDeviceRequest>;

/** Wraps of an existing generation for active devices that have none (a device that joined). */
export const AddKeysRequest = z.strictObject({ generation: Generation, wraps: Wraps });
export type AddKeysRequest = z.infer<typeof AddKeysRequest>;

export const PushRequest = z.strictObject({ envelopes: z.array(Envelope).min(1) });
export type PushRequest = z.infer<typeof PushRequest>;

export const PullQuery = z.strictObject({
	since: z.coerce.number().pipe(z.int().min(0)),
	limit: z.coerce.number().pipe(z.int().min(1).max(10_000)).optional()
});
export type PullQuery = z.infer<typeof PullQuery>;

// ---- responses ----

export const Health = z.strictObject({
	ok: z.literal(true),
	protocol: z.literal(PROTOCOL_VERSION)
});

export const Membership = z.strictObject({
	team: TeamId,
	device: DeviceId,
	generation: Generation
});
export type Membership = z.infer<typeof Membership>;

export const InviteCreated = z.strictObject({ expiresAt: z.number() });

export const TeamDevice = z.strictObject({
	device: DeviceId,
	keys: DeviceKeys,
	role: z.enum(['admin', 'member']),
	status: z.enum(['active', 'removed', 'left']),
	/** The join proof and the hash of the invite used (null for the admin who created the team). */
	invite: z.string().nullable(),
	proof: z.string().nullable(),
	/** The generations this device has a wrapped key for. */
	generations: z.array(Generation)
});
export type TeamDevice = z.infer<typeof TeamDevice>;

export const TeamState = z.strictObject({
	team: TeamId,
	generation: Generation,
	head: z.int().min(0),
	devices: z.array(TeamDevice)
});
export type TeamState = z.infer<typeof TeamState>;

export const MyKeys = z.strictObject({
	keys: z.array(z.strictObject({ generation: Generation, key: WrappedKey, wrappedBy: DeviceId }))
});
export type MyKeys = z.infer<typeof MyKeys>;

export const GenerationSet = z.strictObject({ generation: Generation });

export const KeysAdded = z.strictObject({ added: z.int().min(0) });

export const PushResult = z.strictObject({
	/** One per envelope sent, in order; `duplicate` when the relay already had that id. */
	results: z.array(z.strictObject({ id: RandomId, seq: z.int().min(1), duplicate: z.boolean() })),
	head: z.int().min(0)
});
export type PushResult = z.infer<typeof PushResult>;

export const PullPage = z.strictObject({
	envelopes: z.array(LoggedEnvelope),
	/** The highest sequence number in the log when the page was read. */
	head: z.int().min(0),
	/** Whether envelopes after the last one of this page exist. */
	more: z.boolean()
});
export type PullPage = z.infer<typeof PullPage>;

/** Server-Sent Events on /events: `head` when the log grew, `team` when devices or keys changed. */
export const RelayEvent = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('head'), head: z.int().min(0) }),
	z.strictObject({ type: z.literal('team'), generation: Generation })
]);
export type RelayEvent = z.infer<typeof RelayEvent>;
