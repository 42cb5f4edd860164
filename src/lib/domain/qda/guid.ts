import { parse, v5 } from 'uuid';

/**
 * The namespace of every GUID Stedsans writes into a REFI-QDA project (a random UUID chosen once).
 * Changing it would give every record a new GUID, so a second export would no longer match the
 * first one in the analysis software: never change it.
 */
export const QDA_NAMESPACE = '4cd85c20-47e4-493e-9f5f-36c4d9c0523e';

// Parsed once: an export makes about five GUIDs a note.
const NAMESPACE_BYTES = parse(QDA_NAMESPACE);

/**
 * A stable GUID for one element of a REFI-QDA project: a name-based UUID (RFC 9562 version 5,
 * SHA-1) of the element's kind and the ids of the records it stands for, e.g.
 * `qdaGuid('source', noteId)` or `qdaGuid('coding', noteId, codeId)`. The same work exported
 * twice gets the same GUIDs; the record ids (ULIDs, which encode a creation time) are not
 * readable from them.
 */
export function qdaGuid(kind: string, ...ids: string[]): string {
	return v5([kind, ...ids].join(':'), NAMESPACE_BYTES);
}

const HEX = '0123456789abcdef';

/**
 * A GUID for a part of a record that has one already (a note's selections and codings): the two
 * GUIDs XOR-ed, with the version and variant bits of a version 5 UUID set again. Hashing is the
 * slow part of an export (about five GUIDs a note); this is stable in the same way, distinct for
 * distinct salts, and as unlikely to collide as the random-looking bits of two hashes.
 */
export function derivedGuid(base: string, salt: string): string {
	let out = '';
	for (let i = 0; i < 36; i++) {
		const a = base.charCodeAt(i);
		if (a === 45) {
			out += '-';
			continue;
		}
		let n = nibble(a) ^ nibble(salt.charCodeAt(i));
		if (i === 14) n = 5;
		else if (i === 19) n = 8 | (n & 3);
		out += HEX[n];
	}
	return out;
}

function nibble(c: number): number {
	return c <= 57 ? c - 48 : (c | 32) - 87;
}

/**
 * The GUIDs of one export. Records get `qdaGuid` of their id (those asked for again and again,
 * like a code on every coding, are hashed once); a note's selections and codings are derived
 * from its source's GUID.
 */
export function exportGuids() {
	const memo = (kind: string) => {
		const known = new Map<string, string>();
		return (id: string): string => {
			let guid = known.get(id);
			if (guid === undefined) known.set(id, (guid = qdaGuid(kind, id)));
			return guid;
		};
	};
	const code = memo('code');
	const part = memo('part');
	return {
		source: (noteId: string) => qdaGuid('source', noteId),
		selection: (source: string) => derivedGuid(source, part('selection')),
		quote: (source: string, index: number) => derivedGuid(source, part(`quote ${index}`)),
		coding: (selection: string, codeId: string) => derivedGuid(selection, code(codeId)),
		code,
		user: memo('user'),
		case: memo('case'),
		variable: memo('variable'),
		place: memo('place'),
		followAlong: memo('follow-along')
	};
}
export type ExportGuids = ReturnType<typeof exportGuids>;
