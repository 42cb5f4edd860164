import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { DocScanner, type DocHit } from './identifier-scan';

interface HighlightState {
	scanner: DocScanner;
	hits: DocHit[];
	decorations: DecorationSet;
}

export const identifierKey = new PluginKey<HighlightState>('identifiers');

function build(state: EditorState['doc'], scanner: DocScanner): HighlightState {
	const hits = scanner.scan(state);
	const decorations = DecorationSet.create(
		state,
		hits.map((h) =>
			Decoration.inline(h.from, h.to, { class: 'identifier-hit', 'data-kind': h.kind })
		)
	);
	return { scanner, hits, decorations };
}

export interface IdentifierHighlightOptions {
	names: readonly string[];
	/** Told the hits after every change, for the list with Redact buttons. */
	onhits: (hits: DocHit[]) => void;
}

/** The ProseMirror plugin behind the extension: hits and their decorations in the editor state. */
export function identifierPlugin(options: IdentifierHighlightOptions): Plugin<HighlightState> {
	return new Plugin<HighlightState>({
		key: identifierKey,
		state: {
			init: (_config, state) => build(state.doc, new DocScanner(options.names)),
			apply: (tr, old, _before, after) => {
				const names = tr.getMeta(identifierKey) as readonly string[] | undefined;
				if (names) return build(after.doc, new DocScanner(names));
				return tr.docChanged ? build(after.doc, old.scanner) : old;
			}
		},
		props: {
			decorations: (state) => identifierKey.getState(state)?.decorations
		},
		view: (view) => {
			let last: DocHit[] | undefined;
			const tell = () => {
				const hits = identifierKey.getState(view.state)?.hits ?? [];
				if (hits !== last) options.onhits((last = hits));
			};
			tell();
			return { update: tell };
		}
	});
}

/**
 * Highlights direct identifiers (CPR, phone, e-mail, address, plate, listed names) as the text
 * is written. The list of names is replaced with `setIdentifierNames`.
 */
export const IdentifierHighlight = Extension.create<IdentifierHighlightOptions>({
	name: 'identifierHighlight',
	addOptions() {
		return { names: [], onhits: () => {} };
	},
	addProseMirrorPlugins() {
		return [identifierPlugin(this.options)];
	}
});

/** Replaces the list of names that must never appear (rescans the whole document). */
export function setIdentifierNames(view: EditorView, names: readonly string[]): void {
	view.dispatch(view.state.tr.setMeta(identifierKey, names));
}

/**
 * Replaces one hit with its placeholder, if the text there is still the hit (a stale hit is left
 * alone rather than cutting the wrong text). Returns whether it did.
 */
export function redactHit(view: EditorView, hit: DocHit, placeholder: string): boolean {
	const { doc } = view.state;
	if (hit.to > doc.content.size || doc.textBetween(hit.from, hit.to) !== hit.text) return false;
	view.dispatch(view.state.tr.insertText(placeholder, hit.from, hit.to).scrollIntoView());
	return true;
}
