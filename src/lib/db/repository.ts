import { z } from 'zod';
import { newId } from '$lib/domain/records/ids';
import { pickMeta, RecordMeta, splitEntity, stamp } from '$lib/domain/records/record';
import { indexKey } from './index-key';
import * as codec from './codec';
import type { RecordTable, Row } from './db';
import { guardQuota, NotFoundError, RecordValidationError } from './errors';
import { db, identity } from './workspace';

type IndexValue = string | number | undefined;

/** What the sealed payload holds since version 11: the metadata (but the id) and the content. */
interface Sealed {
	m: Omit<RecordMeta, 'id'>;
	c: object;
}

/** A row written before version 11 carries its metadata in the clear, beside the payload. */
export const isOldLayout = (row: Row): boolean => 'updatedAt' in row;

/**
 * A value that changes with every write of the row, read without opening it: the payload's IV
 * (fresh for every seal), or the time inside (or beside) a plain payload. Live lists use it to
 * open only what changed.
 */
export function rowVersion(row: Row): string {
	const p = row.payload;
	if (p instanceof Uint8Array) return String.fromCharCode(...p.subarray(0, 13));
	if (isOldLayout(row)) return String(row.updatedAt);
	return String((p as Partial<Sealed>).m?.updatedAt);
}

export interface RepositoryDef<C extends z.ZodObject> {
	table: RecordTable;
	content: C;
	/** Version of the content schema; bumped with a migration in `upgrade`. */
	version: number;
	/**
	 * Index values derived from the content: links to other records only, stored keyed
	 * (db/index-key.ts); a number (a chunk's `seq`) as it is. Never a time or a name.
	 */
	index?: (content: z.output<C>) => Record<string, IndexValue>;
	/** Brings content written by an older version up to this one. */
	upgrade?: (content: unknown, fromVersion: number) => unknown;
	/**
	 * Also validate the content with the content schema itself, for rules across fields or over
	 * whole arrays that are lost when the record schema is built from `content.shape`.
	 */
	refined?: boolean;
	/** A JSON form for backups and packages, for content JSON cannot hold (typed arrays). */
	json?: {
		schema: z.ZodObject;
		encode: (content: z.output<C>) => object;
		decode: (json: unknown) => z.output<C>;
	};
}

export type EntityOf<C extends z.ZodObject> = RecordMeta & z.output<C>;

function describe(error: z.ZodError): string {
	const issue = error.issues[0]!;
	return `${issue.path.join('.') || 'record'}: ${issue.message}`;
}

/** One aggregate's records: validates every write and passes every payload through the codec. */
export class Repository<C extends z.ZodObject> {
	readonly schema: z.ZodType<EntityOf<C>>;
	readonly table: RecordTable;

	constructor(readonly def: RepositoryDef<C>) {
		this.table = def.table;
		this.schema = RecordMeta.extend(def.content.shape) as unknown as z.ZodType<EntityOf<C>>;
	}

	protected rows() {
		return db().recordTable(this.table);
	}

	validate(entity: unknown): EntityOf<C> {
		const parsed = this.schema.safeParse(entity);
		if (!parsed.success) throw new RecordValidationError(this.table, describe(parsed.error));
		if (this.def.refined) {
			const content = this.def.content.safeParse(splitEntity(parsed.data).content);
			if (!content.success) throw new RecordValidationError(this.table, describe(content.error));
		}
		return parsed.data;
	}

	/** The entity as JSON can hold it (backups, team packages). */
	toJson(entity: EntityOf<C>): object {
		if (!this.def.json) return entity;
		const { meta, content } = splitEntity(entity);
		return { ...this.def.json.encode(content as z.output<C>), ...meta };
	}

	/** Back from `toJson`; the result still goes through `validate` when written. */
	fromJson(json: RecordMeta & Record<string, unknown>): EntityOf<C> {
		if (!this.def.json) return json as EntityOf<C>;
		const { meta, content } = splitEntity(json);
		return { ...this.def.json.decode(content), ...meta } as EntityOf<C>;
	}

	/**
	 * Validates and seals an entity into the row that is stored: the id, the content version, the
	 * keyed index values, and everything else — times, author, device, `rev` — sealed together.
	 */
	async toRow(entity: EntityOf<C>): Promise<Row> {
		const valid = this.validate(entity);
		const { meta, content } = splitEntity(valid);
		const { id, ...m } = meta as RecordMeta;
		const ctx = { table: this.table, id, v: this.def.version };
		const index: Record<string, IndexValue> = {};
		for (const [k, value] of Object.entries(this.def.index?.(content as z.output<C>) ?? {}))
			if (value !== undefined) index[k] = typeof value === 'string' ? indexKey(value) : value;
		const sealed: Sealed = { m, c: content };
		return { id, v: this.def.version, ...index, payload: await codec.seal(ctx, sealed) };
	}

	async fromRow(row: Row): Promise<EntityOf<C>> {
		const opened = await codec.open({ table: this.table, id: row.id, v: row.v }, row.payload);
		// A row from before version 11: metadata beside the payload, the payload the content.
		const old = isOldLayout(row);
		const meta = old ? pickMeta(row as unknown as RecordMeta) : (opened as Sealed).m;
		let content = old ? opened : (opened as Sealed).c;
		if (row.v < this.def.version && this.def.upgrade) content = this.def.upgrade(content, row.v);
		return this.validate({ ...(content as object), ...meta, id: row.id });
	}

	async fromRows(rows: Row[]): Promise<EntityOf<C>[]> {
		return Promise.all(rows.map((r) => this.fromRow(r)));
	}

	/**
	 * A row's metadata alone (id, times, author, device, `rev`): opened but not validated, for
	 * decisions that need no content (which of two versions is newer).
	 */
	async metaOf(row: Row): Promise<RecordMeta> {
		if (isOldLayout(row)) return pickMeta(row as unknown as RecordMeta);
		const opened = await codec.open({ table: this.table, id: row.id, v: row.v }, row.payload);
		return { ...(opened as Sealed).m, id: row.id };
	}

	/** The records of these rows that are not in the trash (opened: the trash mark is sealed). */
	async live(rows: Row[]): Promise<EntityOf<C>[]> {
		return (await this.fromRows(rows)).filter((e) => e.deletedAt === null);
	}

	async get(id: string): Promise<EntityOf<C> | undefined> {
		const row = await this.rows().get(id);
		return row ? this.fromRow(row) : undefined;
	}

	async getMany(ids: readonly string[]): Promise<(EntityOf<C> | undefined)[]> {
		const rows = await this.rows().bulkGet([...ids]);
		return Promise.all(rows.map((r) => (r ? this.fromRow(r) : undefined)));
	}

	async require(id: string): Promise<EntityOf<C>> {
		const found = await this.get(id);
		if (!found) throw new NotFoundError(this.table, id);
		return found;
	}

	/** Live records (not in the trash), oldest first (by `createdAt`: ids carry no time). */
	async list(): Promise<EntityOf<C>[]> {
		const live = await this.live(await this.rows().toArray());
		return live.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
	}

	/** Records in the trash: every row is opened, the trash mark being sealed. */
	async trashed(): Promise<EntityOf<C>[]> {
		const all = await this.fromRows(await this.rows().toArray());
		return all.filter((e) => (e.deletedAt ?? 0) > 0);
	}

	/** A new entity stamped with this author and device, not yet stored. */
	prepare(content: z.input<C>, now = Date.now(), id = newId()): EntityOf<C> {
		return this.validate({
			...(this.def.content.parse(content) as object),
			id,
			createdAt: now,
			updatedAt: now,
			deletedAt: null,
			...identity(),
			rev: { [identity().deviceId]: 1 }
		});
	}

	async create(
		content: z.input<C>,
		opts: { id?: string; now?: number } = {}
	): Promise<EntityOf<C>> {
		const entity = this.prepare(content, opts.now, opts.id);
		await this.write(entity);
		return entity;
	}

	/** Changes content; the change is stamped with this device and author and the time. */
	async update(
		id: string,
		change: Partial<z.input<C>> | ((c: z.output<C>) => z.input<C>)
	): Promise<EntityOf<C>> {
		const existing = await this.require(id);
		const { meta, content } = splitEntity(existing);
		const next =
			typeof change === 'function' ? change(content as z.output<C>) : { ...content, ...change };
		const entity = this.touch({ ...(next as object), ...meta } as EntityOf<C>);
		await this.write(entity);
		return entity;
	}

	/** Moves to the trash; `restore` brings it back. */
	async remove(id: string): Promise<void> {
		await this.write(this.trash(await this.require(id)));
	}

	async restore(id: string): Promise<EntityOf<C>> {
		const entity = this.touch(await this.require(id), { deletedAt: null } as Partial<EntityOf<C>>);
		await this.write(entity);
		return entity;
	}

	/**
	 * The entity after one change on this device at `now`, not yet stored: `change` applied,
	 * `updatedAt` later than the stored one even if the clock went back, author and device set,
	 * the version vector counted up once. Every change to a record goes through here (or
	 * `update`, `remove`, `restore`, which use it), so no caller stamps a record by hand.
	 */
	touch(entity: EntityOf<C>, change: Partial<EntityOf<C>> = {}, now = Date.now()): EntityOf<C> {
		return stamp(entity, change, now, identity());
	}

	/**
	 * The entity moved to the trash at `at`. Parts deleted with their owner (a follow-along's
	 * stops) are given the owner's `at`, which is how the trash restores them together.
	 */
	trash(entity: EntityOf<C>, at = Date.now()): EntityOf<C> {
		return this.touch(entity, { deletedAt: at } as Partial<EntityOf<C>>, at);
	}

	/** Deletes for good (emptying the trash). */
	async purge(id: string): Promise<void> {
		await guardQuota(() => this.rows().delete(id));
	}

	/** Stores an entity exactly as given (after validation). */
	async write(entity: EntityOf<C>): Promise<void> {
		const row = await this.toRow(entity);
		await guardQuota(() => this.rows().put(row));
	}
}

export function defineRepository<C extends z.ZodObject>(def: RepositoryDef<C>): Repository<C> {
	return new Repository(def);
}
