import { generateTeamKey, parseTeamKey, teamKeyId, type TeamKey } from '$lib/crypto';
import { getSettings, updateSettings } from '$lib/db/settings.repo';

/**
 * The team's shared package key, kept in the settings record (sealed at rest like every record,
 * never in localStorage). One member generates it and shares it; the others enter it.
 */

/** The key from Settings with its id; null when none is set up. */
export async function storedTeamKey(): Promise<(TeamKey & { id: string }) | null> {
	const text = (await getSettings()).teamPackageKey;
	if (!text) return null;
	const key = parseTeamKey(text);
	return { ...key, id: await teamKeyId(key.secret) };
}

/** The id of a key text (to name it on screen), or null for none or an unreadable one. */
export async function teamKeyIdOf(text: string | null): Promise<string | null> {
	if (!text) return null;
	try {
		return await teamKeyId(parseTeamKey(text).secret);
	} catch {
		return null;
	}
}

/** A new key to show and share; not stored until `saveTeamKey`. */
export function newTeamKey(): string {
	return generateTeamKey().text;
}

/** Stores a key as typed or generated; throws WrongRecoveryKeyError when it is mistyped. */
export async function saveTeamKey(input: string): Promise<string> {
	const key = parseTeamKey(input);
	await updateSettings({ teamPackageKey: key.text });
	return teamKeyId(key.secret);
}

export async function removeTeamKey(): Promise<void> {
	await updateSettings({ teamPackageKey: null });
}
