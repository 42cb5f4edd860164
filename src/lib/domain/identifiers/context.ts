/**
 * Words that, right before a number, say it is an order, invoice, account or case number rather
 * than a person's CPR or phone number ("Ordre nr. 0101501234", "faktura 45678901").
 */
const ID_WORDS =
	/(?:^|[^\p{L}])(?:ordre|order|faktura|invoice|konto|account|reg|ref|reference|sag|sags|journal|j|kvittering|receipt|ean|isbn|tracking|pakke|kunde|customer|id|transaktion|transaction|bilag|serie|serial)\.?\s?(?:nr|nummer|number|no|id)?\.?[\s:#-]*$/iu;

export function afterIdWord(text: string, start: number): boolean {
	return ID_WORDS.test(text.slice(Math.max(0, start - 30), start));
}
