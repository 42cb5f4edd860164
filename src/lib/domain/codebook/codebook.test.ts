import { describe, expect, it } from 'vitest';
import {
	codebookOrder,
	codeLabel,
	CodeContent,
	mergeParentFor,
	nestProblem,
	remapCodes
} from './code';
import { STARTER_CODES } from './starter';

describe('codebook', () => {
	it('has a starter set in both languages covering the project themes', () => {
		const top = STARTER_CODES.filter((c) => !c.parent).map((c) => c.en);
		expect(top).toEqual(
			expect.arrayContaining([
				'Stress factors',
				'Resources',
				'Obstacles to help',
				'Contact with institutions',
				'Police or security',
				'Drug market',
				'Use',
				'Housing and sleeping',
				'Health',
				'Social relations',
				'Money and benefits',
				'Employment'
			])
		);
		for (const c of STARTER_CODES) {
			expect(c.da && c.defDa && c.defEn).toBeTruthy();
			if (c.parent) expect(STARTER_CODES.find((p) => p.key === c.parent)?.parent).toBeUndefined();
		}
	});

	it('shows a label in the other language when one is missing', () => {
		const code = CodeContent.parse({ label: { en: 'Benches', da: '' } });
		expect(codeLabel(code, 'da')).toBe('Benches');
		expect(() => CodeContent.parse({ label: { en: ' ', da: '' } })).toThrow();
	});

	it('nests one level only', () => {
		const codes = [
			{ id: 'a', parentId: null },
			{ id: 'b', parentId: 'a' },
			{ id: 'c', parentId: null }
		];
		expect(nestProblem('c', 'a', codes)).toBeNull();
		expect(nestProblem('c', 'b', codes)).toBe('parent-is-child');
		expect(nestProblem('a', 'c', codes)).toBe('child-has-children');
		expect(nestProblem('a', 'a', codes)).toBe('self');
	});

	it('merges: notes point to the target, children move under a top-level code', () => {
		expect(remapCodes(['x', 'y', 'z'], 'x', 'z')).toEqual(['z', 'y']);
		expect(mergeParentFor({ id: 't', parentId: null })).toBe('t');
		expect(mergeParentFor({ id: 't', parentId: 'p' })).toBe('p');
	});

	it('orders top-level codes with their children', () => {
		const mk = (id: string, en: string, parentId: string | null = null) => ({
			id,
			parentId,
			label: { en, da: en }
		});
		const order = codebookOrder([mk('u', 'Use'), mk('s', 'Smoking', 'u'), mk('h', 'Health')], 'en');
		expect(order.map((c) => c.id)).toEqual(['h', 'u', 's']);
	});
});
