import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockedError } from '$lib/crypto/errors';
import { trackOf } from '$lib/db/follow-alongs.queries';
import { placesRepo } from '$lib/db/places.repo';
import { outboxCount } from '$lib/db/sync-outbox';
import { closeWorkspace, db, deleteWorkspace, openWorkspace } from '$lib/db/workspace';
import { identityCodec, useCodec } from '$lib/db/codec';
import { CHEAP_KDF } from '$lib/testing/crypto';
import { T0, walk } from '$lib/testing/follow-alongs';
import { Device } from '$lib/testing/sync-devices';
import { applyPackageImport } from '$lib/features/exchange/package-apply.service';
import { buildTeamPackage } from '$lib/features/exchange/package-export.service';
import { readTeamPackage } from '$lib/features/exchange/package-import.service';
import { startFollowAlong } from '$lib/features/follow-alongs/follow-alongs.service';
import { TrackWriter } from '$lib/features/follow-alongs/track-writer.service';
import { savePlace } from '$lib/features/places/places.service';
import { absorbDropBox } from '$lib/features/vault/drop-box.service';
import {
	attachVault,
	commitKeys,
	lockVault,
	prepareKeys,
	setKdfOptionsForTests,
	unlock
} from '$lib/features/vault/vault.service';
import { spawnRelay, type RelayProcess } from '../../../../server/test/process';
import { loadConfig } from './sync-config.service';
import { syncOnce, tendTeam } from './sync-engine.service';
import { createTeam, joinTeam, makeInvite } from './team.service';

/**
 * Changes that do not come from a screen's own write: a team package imported on one device, and
 * fixes recorded behind the lock. Both reach the other device through the relay (a real process).
 */
const PORT = 4332;
const PASS = 'tabby cruelty rotunda unlatch';
setKdfOptionsForTests(CHEAP_KDF);

/** A device whose workspace is locked and unlocked by the vault, as in the app. */
class VaultDevice extends Device {
	override async use(): Promise<void> {
		await openWorkspace('main', this.db);
		if ((await attachVault()) === 'new') await commitKeys(await prepareKeys(PASS));
		else await unlock(PASS);
	}
}

let dataDir: string;
let relay: RelayProcess;
const A = new VaultDevice();
const B = new Device();

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'sync-sources-'));
	relay = await spawnRelay({ port: PORT, dataDir });
	await A.use();
	A.session = await createTeam(relay.url);
	const invite = await makeInvite(A.session);
	await B.use();
	B.session = await joinTeam(relay.url, invite.text);
	await A.use();
	await tendTeam(A.session);
}, 120_000);
afterAll(async () => {
	await relay.stop();
	await A.drop();
	await B.drop();
	useCodec(identityCodec);
	rmSync(dataDir, { recursive: true, force: true });
});

describe('team sync of changes made elsewhere', () => {
	it('a team package imported on A reaches B', async () => {
		// A team without a relay (its own workspace) exports its glossary as a package.
		const other = `sync-other-${Math.random().toString(36).slice(2)}`;
		await openWorkspace('main', other);
		useCodec(identityCodec);
		const place = await savePlace(null, { name: 'Trappen ved Sundholm', aliases: [] });
		const text = (
			await buildTeamPackage({ notes: null, participants: false, followAlongIds: [] }, 'Bo')
		).text;
		closeWorkspace();
		await deleteWorkspace('main', other);

		await A.use();
		const read = await readTeamPackage(text, text.length);
		if (!read.ok) throw new Error(JSON.stringify(read.problem));
		await applyPackageImport(read.preview, new Map(), '');
		expect(await outboxCount()).toBeGreaterThan(0);
		await A.sync();

		await B.sync();
		expect((await placesRepo.require(place.id)).name).toBe('Trappen ved Sundholm');
	});

	it('fixes recorded behind the lock are not synced while locked, and reach B after unlocking', async () => {
		await A.use();
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		for (const f of walk(0, 10)) writer.add(f);
		// Written just before the lock, not pushed yet.
		await writer.flush();
		expect(await outboxCount()).toBeGreaterThan(0);

		lockVault();
		for (const f of walk(10, 15)) writer.add(f);
		await writer.flush();
		expect(await db().dropBox.count()).toBeGreaterThan(0);
		// Locked, nothing can be sealed for the relay, and the membership itself is unreadable.
		await expect(syncOnce(A.session)).rejects.toBeInstanceOf(LockedError);
		await expect(loadConfig()).rejects.toBeInstanceOf(LockedError);

		await unlock(PASS);
		expect((await absorbDropBox()).fixes).toBe(15);
		await syncOnce(A.session);

		await B.sync();
		const { track } = await trackOf(day.id);
		expect(track.count).toBe(25);
		expect(Array.from(track.t)).toEqual(walk(0, 25).map((f) => f.t));
	});
});
