import type {
	DeviceKeys,
	NextGeneration,
	TeamState,
	Wrap
} from '../../src/lib/domain/sync/index.ts';
import type { Db, Queryable } from './db/db.ts';
import { Refusal } from './errors.ts';

/**
 * The SQL of teams, devices, invites, wrapped keys and request nonces (the log's is in
 * log-store.ts). Handlers call these; nothing else touches the database.
 */
export interface Member {
	role: 'admin' | 'member';
	status: 'active' | 'removed' | 'left';
	signing_key: string;
}

interface TeamRow {
	head: number;
	log_bytes: number;
	generation: number;
}

export async function lockTeam(tx: Queryable, team: string): Promise<TeamRow> {
	const [row] = await tx.query<TeamRow>(
		'SELECT head, log_bytes, generation FROM teams WHERE id = $1 FOR UPDATE',
		[team]
	);
	if (!row) throw new Refusal('not-member', 'No such team');
	return row;
}

export class Store {
	constructor(readonly db: Db) {}

	async createTeam(team: string, device: string, keys: DeviceKeys, wrappedKey: string) {
		await this.db.transaction(async (tx) => {
			const inserted = await tx.query(
				'INSERT INTO teams (id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1',
				[team]
			);
			if (!inserted.length) throw new Refusal('team-exists', 'A team with this id exists');
			await tx.query(
				`INSERT INTO devices (team_id, id, signing_key, box_key, role) VALUES ($1, $2, $3, $4, 'admin')`,
				[team, device, keys.signingKey, keys.boxKey]
			);
			await tx.query(
				'INSERT INTO key_wraps (team_id, generation, device_id, wrapped, wrapped_by) VALUES ($1, 1, $2, $3, $2)',
				[team, device, wrappedKey]
			);
		});
	}

	async member(team: string, device: string): Promise<Member | null> {
		const [row] = await this.db.query<Member>(
			'SELECT role, status, signing_key FROM devices WHERE team_id = $1 AND id = $2',
			[team, device]
		);
		return row ?? null;
	}

	async createInvite(team: string, hash: string, expiresAt: number) {
		await this.db.query('INSERT INTO invites (hash, team_id, expires_at) VALUES ($1, $2, $3)', [
			hash,
			team,
			expiresAt
		]);
	}

	/** Uses an invite, once: the invite row's lock makes two devices racing for it see one winner. */
	async join(
		hash: string,
		device: string,
		keys: DeviceKeys,
		proof: string,
		now: number,
		maxDevices: number
	): Promise<{ team: string; generation: number }> {
		return this.db.transaction(async (tx) => {
			const [invite] = await tx.query<{
				team_id: string;
				expires_at: number;
				used_by: string | null;
			}>('SELECT team_id, expires_at, used_by FROM invites WHERE hash = $1 FOR UPDATE', [hash]);
			if (!invite) throw new Refusal('invite-unknown', 'No such invite');
			if (invite.used_by !== null) throw new Refusal('invite-used', 'This invite was used already');
			if (invite.expires_at <= now) throw new Refusal('invite-expired', 'This invite has expired');
			const team = await lockTeam(tx, invite.team_id);
			const devices = await tx.query<{ id: string }>('SELECT id FROM devices WHERE team_id = $1', [
				invite.team_id
			]);
			if (devices.some((d) => d.id === device))
				throw new Refusal('already-member', 'This device is already registered in the team');
			if (devices.length >= maxDevices)
				throw new Refusal('team-full', `A team has at most ${maxDevices} devices`);
			await tx.query(
				`INSERT INTO devices (team_id, id, signing_key, box_key, role, invite, proof)
				 VALUES ($1, $2, $3, $4, 'member', $5, $6)`,
				[invite.team_id, device, keys.signingKey, keys.boxKey, hash, proof]
			);
			await tx.query('UPDATE invites SET used_by = $2 WHERE hash = $1', [hash, device]);
			return { team: invite.team_id, generation: team.generation };
		});
	}

	async teamState(team: string): Promise<TeamState> {
		const [row] = await this.db.query<TeamRow>(
			'SELECT head, log_bytes, generation FROM teams WHERE id = $1',
			[team]
		);
		if (!row) throw new Refusal('not-member', 'No such team');
		const devices = await this.db.query<{
			id: string;
			signing_key: string;
			box_key: string;
			role: 'admin' | 'member';
			status: 'active' | 'removed' | 'left';
			invite: string | null;
			proof: string | null;
		}>(
			'SELECT id, signing_key, box_key, role, status, invite, proof FROM devices WHERE team_id = $1 ORDER BY role, id',
			[team]
		);
		const wraps = await this.db.query<{ device_id: string; generation: number }>(
			'SELECT device_id, generation FROM key_wraps WHERE team_id = $1 ORDER BY generation',
			[team]
		);
		return {
			team,
			generation: row.generation,
			head: row.head,
			devices: devices.map((d) => ({
				device: d.id,
				keys: { signingKey: d.signing_key, boxKey: d.box_key },
				role: d.role,
				status: d.status,
				invite: d.invite,
				proof: d.proof,
				generations: wraps.filter((w) => w.device_id === d.id).map((w) => w.generation)
			}))
		};
	}

	async myKeys(team: string, device: string) {
		return this.db.query<{ generation: number; key: string; wrappedBy: string }>(
			`SELECT generation, wrapped AS key, wrapped_by AS "wrappedBy" FROM key_wraps
			 WHERE team_id = $1 AND device_id = $2 ORDER BY generation`,
			[team, device]
		);
	}

	/** Wraps of an existing generation for active devices that have none yet. */
	async addWraps(team: string, generation: number, by: string, wraps: Wrap[]): Promise<number> {
		return this.db.transaction(async (tx) => {
			const row = await lockTeam(tx, team);
			if (generation > row.generation)
				throw new Refusal('generation-conflict', 'No such generation yet', {
					generation: row.generation
				});
			const active = await activeDevices(tx, team);
			const have = new Set(
				(
					await tx.query<{ device_id: string }>(
						'SELECT device_id FROM key_wraps WHERE team_id = $1 AND generation = $2',
						[team, generation]
					)
				).map((r) => r.device_id)
			);
			for (const w of wraps)
				if (!active.has(w.device) || have.has(w.device))
					throw new Refusal('key-coverage', 'A wrap names a device that is not active or has one');
			await insertWraps(tx, team, generation, by, wraps);
			return wraps.length;
		});
	}

	/** A new key generation, after removing a device when `remove` is given: all or nothing. */
	async rotate(team: string, by: string, next: NextGeneration, remove?: string): Promise<void> {
		await this.db.transaction(async (tx) => {
			const row = await lockTeam(tx, team);
			if (remove !== undefined) {
				const [target] = await tx.query<{ role: string; status: string }>(
					'SELECT role, status FROM devices WHERE team_id = $1 AND id = $2',
					[team, remove]
				);
				if (!target || target.status !== 'active')
					throw new Refusal('not-member', 'That device is not an active member');
				if (target.role === 'admin')
					throw new Refusal('admin-stays', 'The admin cannot be removed');
				await tx.query(`UPDATE devices SET status = 'removed' WHERE team_id = $1 AND id = $2`, [
					team,
					remove
				]);
			}
			if (next.generation !== row.generation + 1)
				throw new Refusal(
					'generation-conflict',
					'The next generation must be the current one + 1',
					{
						generation: row.generation
					}
				);
			const active = await activeDevices(tx, team);
			const wrapped = new Set(next.wraps.map((w) => w.device));
			if (wrapped.size !== next.wraps.length || wrapped.size !== active.size)
				throw new Refusal('key-coverage', 'The new key must be wrapped for every active device');
			for (const d of wrapped)
				if (!active.has(d)) throw new Refusal('key-coverage', 'A wrap names an inactive device');
			await insertWraps(tx, team, next.generation, by, next.wraps);
			await tx.query('UPDATE teams SET generation = $2 WHERE id = $1', [team, next.generation]);
		});
	}

	async leave(team: string, device: string) {
		await this.db.query(`UPDATE devices SET status = 'left' WHERE team_id = $1 AND id = $2`, [
			team,
			device
		]);
	}

	/** False when the device used this nonce already (within the window it is kept for). */
	async rememberNonce(device: string, nonce: string, expiresAt: number): Promise<boolean> {
		const rows = await this.db.query(
			`INSERT INTO request_nonces (device_id, nonce, expires_at) VALUES ($1, $2, $3)
			 ON CONFLICT DO NOTHING RETURNING 1`,
			[device, nonce, expiresAt]
		);
		return rows.length === 1;
	}

	async forgetNonces(now: number) {
		await this.db.query('DELETE FROM request_nonces WHERE expires_at < $1', [now]);
	}
}

async function activeDevices(tx: Queryable, team: string): Promise<Set<string>> {
	const rows = await tx.query<{ id: string }>(
		`SELECT id FROM devices WHERE team_id = $1 AND status = 'active'`,
		[team]
	);
	return new Set(rows.map((r) => r.id));
}

async function insertWraps(
	tx: Queryable,
	team: string,
	generation: number,
	by: string,
	wraps: Wrap[]
) {
	for (const w of wraps)
		await tx.query(
			'INSERT INTO key_wraps (team_id, generation, device_id, wrapped, wrapped_by) VALUES ($1, $2, $3, $4, $5)',
			[team, generation, w.device, w.key, by]
		);
}
