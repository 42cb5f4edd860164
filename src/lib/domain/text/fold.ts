/**
 * Folds text for matching: lower case, accents and Danish letters reduced to plain Latin,
 * so "kodbyen" finds "Kødbyen" and "aeblet" finds "Æblet". ("ø" has no decomposition, so it
 * is mapped by hand, as are "æ" and "å".)
 */
const SPECIAL: Record<string, string> = { ø: 'o', æ: 'ae', å: 'a', ß: 'ss', đ: 'd', ł: 'l' };

export function fold(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.replace(/[øæåßđł]/g, (c) => SPECIAL[c] ?? c);
}
