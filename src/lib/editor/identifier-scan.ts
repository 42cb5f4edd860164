import type { Node as PMNode } from '@tiptap/pm/model';
import { scanIdentifiers, type IdentifierHit, type IdentifierKind } from '$lib/domain/identifiers';

/** An identifier in the document, by ProseMirror position. */
export interface DocHit {
	kind: IdentifierKind;
	from: number;
	to: number;
	text: string;
}

/**
 * A text block as the scanner sees it: its text, with a hard break as a line break and any other
 * inline node (a mention) as U+FFFC, one character each, so string offsets map 1:1 onto positions
 * inside the block. Mentions are never scanned: their label is a participant code or a place.
 */
function blockText(block: PMNode): string {
	let out = '';
	block.forEach((child) => {
		if (child.isText) out += child.text ?? '';
		else out += child.type.name === 'hardBreak' ? '\n' : '\uFFFC'.repeat(child.nodeSize);
	});
	return out;
}

/**
 * Scans a document block by block, remembering each block's hits by node identity: ProseMirror
 * keeps unchanged nodes as the same objects across edits, so a keystroke rescans only the block
 * it changed, however long the note.
 */
export class DocScanner {
	#cache = new WeakMap<PMNode, IdentifierHit[]>();
	#names: readonly string[];
	#now: number | undefined;
	/** Blocks scanned so far (the rest came from the cache). */
	scannedBlocks = 0;

	constructor(names: readonly string[] = [], now?: number) {
		this.#names = names;
		this.#now = now;
	}

	get names(): readonly string[] {
		return this.#names;
	}

	scan(doc: PMNode): DocHit[] {
		const hits: DocHit[] = [];
		doc.descendants((node, pos) => {
			if (!node.isTextblock) return true;
			let found = this.#cache.get(node);
			if (!found) {
				found = scanIdentifiers(blockText(node), { names: this.#names, now: this.#now });
				this.scannedBlocks++;
				this.#cache.set(node, found);
			}
			for (const h of found)
				hits.push({ kind: h.kind, from: pos + 1 + h.start, to: pos + 1 + h.end, text: h.text });
			return false;
		});
		return hits;
	}
}
