import { m } from '$lib/paraglide/messages.js';
import { problemText } from '$lib/i18n/sync-status';
import { RelayError } from '$lib/features/sync/relay-errors';
import { problemOf } from '$lib/features/sync/sync.svelte';
import { InvalidInviteError } from '$lib/features/sync/team.service';

/** A failed step on the Team sync screen, said with what to do. */
export function syncErrorText(e: unknown): string {
	if (e instanceof InvalidInviteError) return m.syncInviteInvalid();
	if (e instanceof RelayError) {
		if (e.code === 'invite-used') return m.syncErrorInviteUsed();
		if (e.code === 'invite-expired') return m.syncErrorInviteExpired();
		if (e.code === 'invite-unknown') return m.syncErrorInviteUnknown();
		if (e.code === 'team-full') return m.syncErrorTeamFull();
	}
	return problemText(problemOf(e));
}
