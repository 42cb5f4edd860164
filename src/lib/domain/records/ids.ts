/**
 * Record ids: 26 characters of Crockford's base 32 (the shape of a ULID, so ids written by
 * earlier versions, which were ULIDs, stay valid), all 130 bits random. Ids are in the clear in
 * storage and in team packages, so they carry no creation time (issue 16): the order records were
 * made in is their sealed `createdAt`, read after opening.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function newId(): string {
	const bytes = globalThis.crypto.getRandomValues(new Uint8Array(26));
	// 256 is a multiple of 32: every character is equally likely.
	return Array.from(bytes, (b) => CROCKFORD[b % 32]).join('');
}

/** Fixed, ULID-shaped id for records of which a workspace holds exactly one. */
export function singletonId(tag: string): string {
	const body = tag.toUpperCase().replace(/[^0-9A-HJKMNP-TV-Z]/g, '');
	if (body.length === 0 || body.length > 10) throw new Error(`bad singleton tag: ${tag}`);
	return '0'.repeat(26 - body.length) + body;
}
