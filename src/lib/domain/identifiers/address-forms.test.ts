import { describe, expect, it } from 'vitest';
import { scanIdentifiers } from './scan';

const addresses = (text: string) =>
	scanIdentifiers(text, { kinds: ['address'] }).map((h) => h.text);

describe('street addresses as they are typed in a hurry', () => {
	it('finds a listed street in lower case, in capitals and abbreviated', () => {
		expect(addresses('bor på istedgade 100 nu')).toEqual(['istedgade 100']);
		expect(addresses('ISTEDGADE 100')).toEqual(['ISTEDGADE 100']);
		expect(addresses('foran Istedg. 100')).toEqual(['Istedg. 100']);
		expect(addresses('på gl. kongevej 12')).toEqual(['gl. kongevej 12']);
		expect(addresses('sdr. boulevard 45')).toEqual(['sdr. boulevard 45']);
	});

	it('finds a listed street without a suffix only with its capital', () => {
		expect(addresses('Han bor på Lygten 12')).toEqual(['Lygten 12']);
		expect(addresses('Hun bor på Ruten 14, 2. tv.')).toEqual(['Ruten 14, 2. tv.']);
		expect(addresses('han tændte lygten 2 minutter senere')).toEqual([]);
		expect(addresses('ruten 14 gik over broen')).toEqual([]);
	});

	it('finds streets that are not listed by their suffix, but not the nouns that share it', () => {
		expect(addresses('hun bor på kirkegade 4')).toEqual(['kirkegade 4']);
		expect(addresses('KIRKEPLADSEN 3')).toEqual(['KIRKEPLADSEN 3']);
		expect(addresses('Kirkepl. 3')).toEqual(['Kirkepl. 3']);
		for (const text of ['ad motorvej 21', 'i forvejen 3 sager', 'en sidegade 4', 'alle 3'])
			expect(addresses(text)).toEqual([]);
	});

	it('needs a house number that is not a quantity', () => {
		expect(addresses('Istedgade 3 timer')).toEqual([]);
		expect(addresses('istedgade kl. 14')).toEqual([]);
	});
});
