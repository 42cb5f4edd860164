import { hit, type IdentifierHit } from './hits';

/**
 * Danish number plates: two capital letters and five digits, written "AB 12 345" on the plate
 * and "AB12345" or "AB 12345" in text. Lower case is not taken: "kr 12 345" is a price.
 * KR, NR and ID before five digits are a price, a number and an id far more often than a plate.
 */
const PLATE =
	/(?<![\p{L}\p{N}_])(?!KR|NR|ID)[A-Z]{2}[ \u00a0-]?\d{2}[ \u00a0]?\d{3}(?![\p{L}\p{N}_]|[.,]\p{N})/gu;

export function findPlates(text: string): IdentifierHit[] {
	return [...text.matchAll(PLATE)].map((m) => hit('plate', text, m.index, m.index + m[0].length));
}
