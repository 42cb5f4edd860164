import { m } from '$lib/paraglide/messages.js';
import {
	DamagedError,
	KdfTooCostlyError,
	KdfUnavailableError,
	WrongPassphraseError,
	WrongRecoveryKeyError
} from '$lib/crypto/errors';
import { TooSoonError } from '$lib/features/vault/unlock-gate.service';
import { describeError } from './errors';

const RECOVERY_PROBLEMS: Record<WrongRecoveryKeyError['problem'], () => string> = {
	length: m.recoveryWrongLength,
	character: m.recoveryWrongCharacter,
	checksum: m.recoveryWrongChecksum,
	'not-this-key': m.recoveryNotThisKey
};

/** The user's words for what went wrong setting up, unlocking or changing the keys. */
export function describeVaultError(e: unknown): string {
	if (e instanceof WrongPassphraseError) return m.wrongPassphrase();
	if (e instanceof TooSoonError) return m.lockWait({ seconds: Math.ceil(e.waitMs / 1000) });
	if (e instanceof WrongRecoveryKeyError) return RECOVERY_PROBLEMS[e.problem]();
	if (e instanceof KdfUnavailableError)
		return e.reason === 'memory' ? m.kdfMemory() : m.kdfNoWasm();
	if (e instanceof DamagedError && e.what === 'key-file') return m.keysDamaged();
	if (e instanceof KdfTooCostlyError) return m.keysTooCostly();
	return describeError(e);
}
