import { v5 } from 'uuid';

/**
 * The namespace of every GUID Stedsans writes into a REFI-QDA project (a random UUID chosen once).
 * Changing it would give every record a new GUID, so a second export would no longer match the
 * first one in the analysis software: never change it.
 */
export const QDA_NAMESPACE = '4cd85c20-47e4-493e-9f5f-36c4d9c0523e';

/**
 * A stable GUID for one element of a REFI-QDA project: a name-based UUID (RFC 9562 version 5,
 * SHA-1) of the element's kind and the ids of the records it stands for, e.g.
 * `qdaGuid('source', noteId)` or `qdaGuid('coding', noteId, codeId)`. The same work exported
 * twice gets the same GUIDs; the record ids (ULIDs, which encode a creation time) are not
 * readable from them.
 */
export function qdaGuid(kind: string, ...ids: string[]): string {
	return v5([kind, ...ids].join(':'), QDA_NAMESPACE);
}
