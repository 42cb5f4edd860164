import { AesCodec } from '$lib/crypto/aes-codec';
import { useCodec } from '$lib/db/codec';
import { deriveSyncMac } from '$lib/crypto/sync-mac';
import { holdIndexKey } from '$lib/db/index-key';
import { closeWorkspace, deleteWorkspace, openWorkspace } from '$lib/db/workspace';
import type { SyncSession } from '$lib/features/sync/sync-config.service';
import { syncOnce, tendTeam } from '$lib/features/sync/sync-engine.service';
import { createTeam, joinTeam, makeInvite } from '$lib/features/sync/team.service';

/**
 * A simulated device for sync tests: its own encrypted workspace (fake-indexeddb in node) with
 * its own data key. One device runs at a time: the repositories work on the open workspace.
 */
export class Device {
	readonly db = `sync-${Math.random().toString(36).slice(2)}`;
	readonly key = globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
		'encrypt',
		'decrypt'
	]);
	/** What the device's index key is derived from, as the vault derives it from the data key. */
	readonly derivable = globalThis.crypto.subtle.importKey(
		'raw',
		globalThis.crypto.getRandomValues(new Uint8Array(32)),
		'HKDF',
		false,
		['deriveBits']
	);
	session!: SyncSession;

	async use(): Promise<void> {
		await openWorkspace('main', this.db);
		useCodec(new AesCodec(await this.key));
		holdIndexKey(await deriveSyncMac(await this.derivable, 'index'), true);
	}

	async sync() {
		await this.use();
		return syncOnce(this.session);
	}

	async drop(): Promise<void> {
		closeWorkspace();
		await deleteWorkspace('main', this.db);
	}
}

/** A team on `relay`: A creates it and is admin, B joins with an invite and is let in. */
export async function teamOfTwo(relay: string): Promise<{ A: Device; B: Device }> {
	const A = new Device();
	const B = new Device();
	await A.use();
	A.session = await createTeam(relay);
	const invite = await makeInvite(A.session);
	await B.use();
	B.session = await joinTeam(relay, invite.text.toLowerCase());
	await A.use();
	await tendTeam(A.session);
	return { A, B };
}
