import { m } from '$lib/paraglide/messages.js';
import { kdfStrength, type KdfParams, type KdfStrength } from '$lib/crypto/kdf';
import type { KdfTooCostlyError } from '$lib/crypto/errors';
import { intlLocale, type AppLocale } from '$lib/domain/format/datetime';

/** How strong the key is, in plain words first (Settings → Security, the recovery-key screen). */
export const STRENGTH_TEXT: Record<KdfStrength, () => string> = {
	full: m.keyStrengthFull,
	reduced: m.keyStrengthReduced,
	pbkdf2: m.keyStrengthPbkdf2,
	weak: m.keyStrengthWeak
};

export function strengthText(kdf: KdfParams): string {
	return STRENGTH_TEXT[kdfStrength(kdf)]();
}

/** The parameters themselves, for "Technical details". */
export function kdfTechnical(kdf: KdfParams, locale: AppLocale): string {
	const n = (x: number) => new Intl.NumberFormat(intlLocale(locale)).format(x);
	return kdf.alg === 'argon2id'
		? m.technicalArgon2({ memory: n(kdf.m / 1024), passes: n(kdf.t), lanes: n(kdf.p) })
		: m.technicalPbkdf2({ iterations: n(kdf.iterations) });
}

/** What a refused file asked for ("256 MiB, 10 passes"). */
export function askedText(asked: KdfTooCostlyError['asked'], locale: AppLocale): string {
	const n = (x: number) => new Intl.NumberFormat(intlLocale(locale)).format(x);
	return 'iterations' in asked
		? m.askedPbkdf2({ iterations: n(asked.iterations) })
		: m.askedArgon2({ memory: n(asked.memoryMiB), passes: n(asked.passes) });
}

/** What the recovery-key screen warns about once the key is made: nothing at full strength. */
export function keyNotice(
	kdf: KdfParams
): { strength: KdfStrength; title: string; text: string } | null {
	const strength = kdfStrength(kdf);
	if (strength === 'full') return null;
	const title = strength === 'reduced' ? m.keyWarningReducedTitle() : m.keyWarningPbkdf2Title();
	return { strength, title, text: STRENGTH_TEXT[strength]() };
}
