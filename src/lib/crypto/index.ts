/**
 * Encryption at rest and encrypted exports. `passphrase.ts` is deliberately not re-exported: its
 * zxcvbn dictionaries weigh ~600 kB gzipped, so the screens that set a passphrase load it with
 * `await import('$lib/crypto/passphrase')` and nothing else pays for it.
 */
export { AesCodec, type AesCodecOptions } from './aes-codec';
export { backoffDelay, FREE_ATTEMPTS, MAX_DELAY_MS } from './backoff';
export {
	DamagedError,
	KdfTooCostlyError,
	KdfUnavailableError,
	LockedError,
	UnsupportedVersionError,
	WrongPassphraseError,
	WrongRecoveryKeyError
} from './errors';
export {
	Envelope,
	ENVELOPE_FORMAT,
	envelopeLock,
	isEnvelope,
	openEnvelope,
	openEnvelopeWithKey,
	readEnvelope,
	sealEnvelope,
	sealEnvelopeWithKey,
	type OpenedEnvelope
} from './envelope';
export {
	ARGON2_CHAIN,
	ARGON2_FLOOR,
	KdfParams,
	kdfStrength,
	PBKDF2_ITERATIONS,
	type KdfOptions,
	type KdfStrength
} from './kdf';
export {
	changePassphrase,
	createKeys,
	KeyFile,
	parseKeyFile,
	replaceRecoveryKey,
	resetPassphrase,
	unlockWithPassphrase,
	unlockWithRecoveryKey,
	type DataKeys,
	type NewKeys
} from './keys';
export { generateRecoveryKey, parseRecoveryKey, RECOVERY_KEY_LENGTH } from './recovery';
export { generateTeamKey, parseTeamKey, teamKeyId, type TeamKey } from './team-key';
export { isSealed, openBytes, openJson, sealBytes, sealJson, type SealContext } from './seal';
