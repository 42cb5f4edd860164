import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Mention from '@tiptap/extension-mention';
import { EditorState } from '@tiptap/pm/state';
import { identifierKey, identifierPlugin } from './identifier-highlight';
import { DocScanner } from './identifier-scan';

const schema = getSchema([StarterKit, Mention]);

const doc = (...paragraphs: unknown[][]) =>
	schema.nodeFromJSON({
		type: 'doc',
		content: paragraphs.map((content) => ({ type: 'paragraph', content }))
	});
const text = (t: string) => ({ type: 'text', text: t });
const mention = (label: string) => ({ type: 'mention', attrs: { id: 'p1', label } });

describe('identifiers in the editor document', () => {
	it('finds hits by document position, across marks, mentions and paragraphs', () => {
		const d = doc(
			[text('Mødte '), mention('VB-014'), text(' og Søren Ravn')],
			[text('ring '), { type: 'text', text: '23 45', marks: [{ type: 'bold' }] }, text(' 67 89')]
		);
		const hits = new DocScanner(['Søren Ravn']).scan(d);
		expect(hits.map((h) => [h.kind, h.text, d.textBetween(h.from, h.to)])).toEqual([
			['name', 'Søren Ravn', 'Søren Ravn'],
			['phone', '23 45 67 89', '23 45 67 89']
		]);
	});

	it('does not scan a mention label, and does not join text across it', () => {
		const d = doc([text('2345'), mention('x'), text('6789 og '), mention('0101501234')]);
		expect(new DocScanner().scan(d)).toEqual([]);
	});

	it('rescans only the paragraph a keystroke changed, however long the note', () => {
		const paragraphs = Array.from({ length: 600 }, (_, i) => [
			text(`Afsnit ${i}: vi sad på trappen ved Halmtorvet kl. 14.30 og talte om methadon.`)
		]);
		let state = EditorState.create({ schema, doc: doc(...paragraphs) });
		const scanner = new DocScanner();
		scanner.scan(state.doc);
		expect(scanner.scannedBlocks).toBe(600);
		for (const [i, key] of [...'23456789 '].entries()) {
			state = state.apply(state.tr.insertText(key, 1 + i));
			scanner.scan(state.doc);
		}
		const hits = scanner.scan(state.doc);
		expect(scanner.scannedBlocks).toBe(600 + 9);
		expect(hits.map((h) => h.text)).toEqual(['23456789']);
	});
});

describe('the highlight plugin', () => {
	const plugin = () => identifierPlugin({ names: ['Ole'], onhits: () => {} });
	const kinds = (s: EditorState) => identifierKey.getState(s)!.hits.map((h) => h.kind);

	it('keeps the hits and their highlights in the editor state', () => {
		const state = EditorState.create({
			schema,
			doc: doc([text('Ole ringede fra 23456789')]),
			plugins: [plugin()]
		});
		expect(kinds(state)).toEqual(['name', 'phone']);
		const decorations = identifierKey.getState(state)!.decorations.find();
		expect(decorations.map((d) => [d.from, d.to])).toEqual([
			[1, 4],
			[17, 25]
		]);
	});

	it('takes a new names list, and follows the text as it changes', () => {
		let state = EditorState.create({
			schema,
			doc: doc([text('Ole ringede fra 23456789')]),
			plugins: [plugin()]
		});
		state = state.apply(state.tr.setMeta(identifierKey, []));
		expect(kinds(state)).toEqual(['phone']);
		state = state.apply(state.tr.insertText('[telefon]', 17, 25));
		expect(kinds(state)).toEqual([]);
		expect(state.doc.textContent).toBe('Ole ringede fra [telefon]');
	});
});
