import type { Envelope, LoggedEnvelope } from '../../src/lib/domain/sync/index.ts';
import type { Db } from './db/db.ts';
import { Refusal } from './errors.ts';
import { lockTeam } from './store.ts';

/** The SQL of a team's log: appending envelopes and reading them back in order. */
export class LogStore {
	constructor(readonly db: Db) {}

	/**
	 * Appends the envelopes it does not have yet, in one transaction under the team row's lock:
	 * numbered head+1…, head moved, or nothing at all. Ids it has (a retry) get their old numbers.
	 */
	async push(team: string, envelopes: Envelope[], maxLogBytes: number) {
		return this.db.transaction(async (tx) => {
			const row = await lockTeam(tx, team);
			const ids = envelopes.map((e) => e.id);
			const known = new Map(
				(
					await tx.query<{ id: string; seq: number }>(
						'SELECT id, seq FROM envelopes WHERE team_id = $1 AND id = ANY($2::text[])',
						[team, ids]
					)
				).map((r) => [r.id, r.seq])
			);
			const results: { id: string; seq: number; duplicate: boolean }[] = [];
			const fresh: { e: Envelope; seq: number; bytes: Buffer }[] = [];
			let head = row.head;
			let bytes = row.log_bytes;
			for (const e of envelopes) {
				const seq = known.get(e.id);
				if (seq !== undefined) {
					results.push({ id: e.id, seq, duplicate: true });
					continue;
				}
				if (e.generation !== row.generation)
					throw new Refusal('stale-generation', 'Seal with the current key generation', {
						generation: row.generation
					});
				const ciphertext = Buffer.from(e.ciphertext, 'base64url');
				head += 1;
				bytes += ciphertext.length;
				known.set(e.id, head);
				fresh.push({ e, seq: head, bytes: ciphertext });
				results.push({ id: e.id, seq: head, duplicate: false });
			}
			if (bytes > maxLogBytes) throw new Refusal('log-full', "The team's log is full");
			if (fresh.length) {
				const values: string[] = [];
				const params: unknown[] = [team];
				for (const f of fresh) {
					const n = params.length;
					values.push(`($1, $${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5})`);
					params.push(f.seq, f.e.id, f.e.generation, f.e.nonce, f.bytes);
				}
				await tx.query(
					`INSERT INTO envelopes (team_id, seq, id, generation, nonce, ciphertext) VALUES ${values.join(', ')}`,
					params
				);
				await tx.query('UPDATE teams SET head = $2, log_bytes = $3 WHERE id = $1', [
					team,
					head,
					bytes
				]);
			}
			return { results, head, added: fresh.length, bytes: bytes - row.log_bytes };
		});
	}

	async pull(team: string, since: number, limit: number, maxBytes: number) {
		// The page's end is found from the sizes alone, and only its rows are read whole: reading
		// `limit` rows with their ciphertext and cutting by bytes afterwards read every remaining
		// chunk of a long track (tens of MB) to send four of them.
		const sizes = await this.db.query<{ seq: number; size: number }>(
			`SELECT seq, octet_length(ciphertext) AS size FROM envelopes
			 WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
			[team, since, limit]
		);
		let last = since;
		let total = 0;
		for (const r of sizes) {
			if (last > since && total + Number(r.size) > maxBytes) break;
			total += Number(r.size);
			last = r.seq;
		}
		const rows =
			last > since
				? await this.db.query<{
						seq: number;
						id: string;
						generation: number;
						nonce: string;
						ciphertext: Uint8Array;
					}>(
						`SELECT seq, id, generation, nonce, ciphertext FROM envelopes
						 WHERE team_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`,
						[team, since, last]
					)
				: [];
		const [row] = await this.db.query<{ head: number }>('SELECT head FROM teams WHERE id = $1', [
			team
		]);
		const envelopes: LoggedEnvelope[] = [];
		let bytes = 0;
		for (const r of rows) {
			bytes += r.ciphertext.length;
			const ct = Buffer.from(r.ciphertext.buffer, r.ciphertext.byteOffset, r.ciphertext.length);
			envelopes.push({
				seq: r.seq,
				id: r.id,
				generation: r.generation,
				nonce: r.nonce,
				ciphertext: ct.toString('base64url')
			});
		}
		const end = envelopes.at(-1)?.seq ?? since;
		// `head` is read after the rows, so a push that lands between the two reads shows as `more`.
		const head = Math.max(row?.head ?? 0, end);
		return { envelopes, head, more: end < head, bytes };
	}
}
