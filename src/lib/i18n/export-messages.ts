import { m } from '$lib/paraglide/messages.js';
import { KdfUnavailableError } from '$lib/crypto';
import {
	NoTeamKeyError,
	PlaintextNotConfirmedError,
	WeakPassphraseError,
	type EnvelopeProblem
} from '$lib/features/export/export-protection.service';
import { describeError } from './errors';
import { askedText } from './kdf-labels';
import { locale } from '$lib/features/app/locale.svelte';

/** Why an export could not be written, in the user's words; no file was written. */
export function describeExportError(e: unknown): string {
	if (e instanceof WeakPassphraseError) return m.exportErrorWeak();
	if (e instanceof NoTeamKeyError) return m.exportErrorNoTeamKey();
	if (e instanceof PlaintextNotConfirmedError) return m.exportErrorUnconfirmed();
	if (e instanceof KdfUnavailableError) return describeKdf(e.reason);
	return describeError(e);
}

function describeKdf(reason: 'memory' | 'no-wasm'): string {
	return reason === 'memory' ? m.cryptoNoMemory() : m.cryptoNoWasm();
}

/** Why an encrypted file did not open; every message ends with "nothing was imported". */
export function describeEnvelopeProblem(p: EnvelopeProblem): string {
	switch (p.kind) {
		case 'encrypted':
			return m.importNeedsPassphrase();
		case 'wrong-passphrase':
			return m.importWrongPassphrase();
		case 'no-team-key':
			return m.importNoTeamKey({ id: p.id });
		case 'other-team-key':
			return m.importOtherTeamKey({ id: p.id, mine: p.mine });
		case 'damaged-envelope':
			return m.importDamagedEnvelope();
		case 'envelope-version':
			return m.importEnvelopeVersion({ version: p.version });
		case 'kdf-unavailable':
			return `${describeKdf(p.reason)} ${m.importNothingImported()}`;
		case 'wrong-content':
			return m.importWrongContent();
		case 'kdf-too-costly':
			return m.importKdfTooCostly({ asked: askedText(p.asked, locale.current) });
	}
}

const ENVELOPE_KINDS = new Set<string>([
	'encrypted',
	'wrong-passphrase',
	'no-team-key',
	'other-team-key',
	'damaged-envelope',
	'envelope-version',
	'kdf-unavailable',
	'kdf-too-costly',
	'wrong-content'
]);

export function isEnvelopeProblem(p: { kind: string }): p is EnvelopeProblem {
	return ENVELOPE_KINDS.has(p.kind);
}
