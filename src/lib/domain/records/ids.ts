import { monotonicFactory, decodeTime, ulid } from 'ulidx';

/** ULIDs sort by creation time, so ids double as a stable creation order. */
const nextUlid = monotonicFactory();

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A new id; with an explicit time (backdated or imported records) it encodes that time. */
export function newId(at?: number): string {
	return at === undefined ? nextUlid() : ulid(at);
}

export function idTime(id: string): number {
	return decodeTime(id);
}

/** Fixed, ULID-shaped id for records of which a workspace holds exactly one. */
export function singletonId(tag: string): string {
	const body = tag.toUpperCase().replace(/[^0-9A-HJKMNP-TV-Z]/g, '');
	if (body.length === 0 || body.length > 10) throw new Error(`bad singleton tag: ${tag}`);
	return '0'.repeat(26 - body.length) + body;
}
