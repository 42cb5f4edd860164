import { describe, expect, it } from 'vitest';
import { htmlText } from './html';

describe('htmlText', () => {
	it('turns markup into text that shows as written', () => {
		expect(htmlText(`Map <img src=x onerror="alert('x')"> & co`)).toBe(
			'Map &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co'
		);
	});

	it('leaves plain text, Danish letters and symbols as they are', () => {
		expect(htmlText('© OpenStreetMap-bidragydere · fliser: Københavnskort')).toBe(
			'© OpenStreetMap-bidragydere · fliser: Københavnskort'
		);
	});
});
