import { z } from 'zod';
import { fold } from '../text/fold';
import { CONTROL_CHARS } from '../text/controls';

export const FORBIDDEN_NAMES_MAX = 500;
export const FORBIDDEN_NAME_MAX_LENGTH = 100;

/** One name that must never appear in the notes (a participant's real name, a nickname). */
export const ForbiddenName = z
	.string()
	.trim()
	.min(2, 'a name needs at least two letters')
	.max(FORBIDDEN_NAME_MAX_LENGTH)
	.refine((s) => !CONTROL_CHARS.test(s), 'control characters are not allowed in a name');

/**
 * A team package key as the team writes and shares it: 28 Crockford base32 symbols in 7 groups of
 * 4 (the recovery-key form, see crypto/recovery.ts). Stored as typed after being checked.
 */
export const TeamPackageKeyText = z.string().regex(/^[0-9A-Z*~$=]{4}(?:-[0-9A-Z*~$=]{4}){6}$/);

/**
 * The privacy part of the workspace settings. Both fields are secrets: they live in the settings
 * record (sealed at rest like every record), travel in encrypted backups, and are left out of a
 * plaintext backup (see SECRET_SETTINGS).
 */
export const PRIVACY_SETTINGS_SHAPE = {
	/** Names that must never appear; the editor and every export warn when one does. */
	forbiddenNames: z.array(ForbiddenName).max(FORBIDDEN_NAMES_MAX).default([]),
	/** The team's shared key for team packages, or null when none is set up. */
	teamPackageKey: TeamPackageKeyText.nullable().default(null)
};

/** Settings fields that a plaintext backup leaves out, and that a restore then keeps as they are. */
export const SECRET_SETTINGS = ['forbiddenNames', 'teamPackageKey'] as const;
export type SecretSetting = (typeof SECRET_SETTINGS)[number];

/**
 * The names list as typed into the Settings box: one name per line (commas and semicolons also
 * separate), blanks dropped, repeats (ignoring case and accents) kept once, the first spelling
 * winning. Returns the names and the lines that are not acceptable names, so the screen can say so.
 */
export function parseNamesList(text: string): { names: string[]; rejected: string[] } {
	const names: string[] = [];
	const rejected: string[] = [];
	const seen = new Set<string>();
	for (const raw of text.split(/[\n,;]+/)) {
		const line = raw.trim();
		if (!line) continue;
		const parsed = ForbiddenName.safeParse(line);
		if (!parsed.success) {
			rejected.push(line);
			continue;
		}
		const key = fold(parsed.data).replace(/[\s-]+/g, ' ');
		if (seen.has(key)) continue;
		seen.add(key);
		names.push(parsed.data);
	}
	return { names, rejected };
}
