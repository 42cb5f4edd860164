import { inviteFromRandom, parseInvite, type InviteCode } from '$lib/domain/sync/invite';
import type { TeamState } from '$lib/domain/sync/protocol';
import { randomBytes } from '$lib/crypto/bytes';
import { generateDeviceIdentity, wrapTeamKey } from '$lib/crypto/relay-keys';
import { markEverything } from '$lib/db/sync-outbox';
import { RelayClient } from './relay-client';
import { RelayError } from './relay-errors';
import {
	addTeamKey,
	forgetConfig,
	newConfig,
	openSession,
	saveConfig,
	type SyncSession
} from './sync-config.service';
import { tendTeam } from './sync-engine.service';

/**
 * Creating, joining and leaving a team, and the admin's invites. Each step that changes the
 * membership stores it (sealed) before it returns, and marks what this device already holds for
 * its first push, so a team starts with everything its devices had.
 */

/** Invites work once and for a week at most; the admin makes a new one for each device. */
export const INVITE_SECONDS = 7 * 24 * 3600;

export class InvalidInviteError extends Error {
	override readonly name = 'InvalidInviteError';
}

export async function createTeam(relay: string, fetchImpl?: typeof fetch): Promise<SyncSession> {
	const identity = await generateDeviceIdentity();
	const client = new RelayClient({ url: relay, identity, fetch: fetchImpl });
	await client.health();
	const team = RelayClient.newTeamId();
	const secret = randomBytes(32);
	const wrapped = await wrapTeamKey(secret, {
		team,
		generation: 1,
		device: identity.device,
		boxKey: identity.keys.boxKey
	});
	await client.createTeam(team, wrapped);
	const config = await newConfig(client.url, team, 'admin', identity);
	await saveConfig(config);
	const session = await openSession(config, fetchImpl);
	await addTeamKey(session, 1, secret);
	await markEverything();
	return session;
}

export async function joinTeam(
	relay: string,
	code: string,
	fetchImpl?: typeof fetch
): Promise<SyncSession> {
	const invite = parseInvite(code);
	if (!invite) throw new InvalidInviteError('not an invite code');
	const identity = await generateDeviceIdentity();
	const client = new RelayClient({ url: relay, identity, fetch: fetchImpl });
	const m = await client.join(invite);
	const config = await newConfig(client.url, m.team, 'member', identity);
	await saveConfig(config);
	await markEverything();
	// The team key comes once the admin's device has checked the invite proof (tendTeam).
	return openSession(config, fetchImpl);
}

/** A new single-use invite, registered with the relay; its secret half stays on this device. */
export async function makeInvite(
	session: SyncSession,
	now = Date.now()
): Promise<InviteCode & { expiresAt: number }> {
	const invite = inviteFromRandom(randomBytes(28));
	const { expiresAt } = await session.client.createInvite(invite, INVITE_SECONDS);
	const live = session.config.invites.filter((i) => i.expiresAt > now);
	session.config = { ...session.config, invites: [...live, { ...invite, expiresAt }] };
	await saveConfig(session.config);
	return { ...invite, expiresAt };
}

export async function teamState(session: SyncSession): Promise<TeamState> {
	return tendTeam(session);
}

/**
 * Leaves the team (a member; the admin stays). What this device holds stays here. A device the
 * admin removed leaves too: the relay no longer knows it, so only the settings are forgotten.
 */
export async function leaveTeam(session: SyncSession): Promise<void> {
	try {
		await session.client.leave();
	} catch (e) {
		if (!(e instanceof RelayError && (e.code === 'removed' || e.code === 'not-member'))) throw e;
	}
	await forgetConfig();
}
