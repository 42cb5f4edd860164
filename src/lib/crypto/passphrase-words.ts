/**
 * Words zxcvbn-ts has no dictionary for: there is no Danish language package, and without one a
 * Danish word counts as random letters ("kodeord2024" would look strong). Most common first; the
 * rank is what zxcvbn charges per word. Sources: common Danish words and passwords, the project's
 * own vocabulary (an attacker who knows the phone is Stedsans tries these first).
 */
// prettier-ignore
export const PROJECT_WORDS = [
	'stedsans', 'vesterbro', 'nordvest', 'sundholm', 'sundholmsvej', 'halmtorvet', 'istedgade',
	'kødbyen', 'amager', 'københavn', 'kobenhavn', 'copenhagen', 'mændenes', 'hjem', 'klare',
	'feltnoter', 'feltarbejde', 'etnografi', 'forskning', 'metadon', 'heroin', 'kokain', 'crack',
	'fixerum', 'h17', 'gadeteam', 'interview', 'deltager', 'noter'
];

// prettier-ignore
export const DANISH_WORDS = [
	'kodeord', 'adgangskode', 'hemmelig', 'password', 'sommer', 'vinter', 'foråret', 'efterår',
	'kærlighed', 'elsker', 'dig', 'jeg', 'du', 'det', 'er', 'og', 'en', 'et', 'den', 'til', 'på',
	'af', 'med', 'for', 'ikke', 'at', 'som', 'har', 'de', 'var', 'min', 'mit', 'mine', 'han',
	'hun', 'vi', 'mig', 'skal', 'kan', 'vil', 'fra', 'så', 'men', 'om', 'hvad', 'hvor', 'nu',
	'her', 'der', 'godt', 'god', 'dag', 'nat', 'morgen', 'aften', 'hej', 'tak', 'ja', 'nej',
	'danmark', 'dansk', 'jylland', 'fyn', 'sjælland', 'aarhus', 'odense', 'aalborg', 'mor', 'far',
	'søster', 'bror', 'barn', 'børn', 'familie', 'ven', 'venner', 'kæreste', 'hund', 'kat', 'hest',
	'fugl', 'fisk', 'ko', 'gris', 'mus', 'bjørn', 'løve', 'ulv', 'ræv', 'hus', 'hjemme', 'have',
	'bil', 'cykel', 'tog', 'bus', 'vej', 'gade', 'by', 'land', 'skov', 'strand', 'hav', 'sø',
	'himmel', 'sol', 'måne', 'stjerne', 'regn', 'sne', 'vind', 'is', 'vand', 'kaffe', 'te', 'øl',
	'vin', 'mad', 'brød', 'ost', 'smør', 'æble', 'pære', 'kage', 'slik', 'rød', 'blå', 'grøn',
	'gul', 'sort', 'hvid', 'stor', 'lille', 'ny', 'gammel', 'ung', 'glad', 'sød', 'smuk', 'fin',
	'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'mandag', 'tirsdag',
	'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'januar', 'februar', 'marts', 'april',
	'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december', 'jul',
	'påske', 'fødselsdag', 'skole', 'arbejde', 'penge', 'fodbold', 'musik', 'bog', 'tid', 'liv',
	'hjerte', 'drøm', 'lykke', 'frihed', 'fred', 'sandhed', 'mørke', 'lys', 'ild', 'jord',
	'trappe', 'vindue', 'dør', 'bord', 'stol', 'seng', 'lampe', 'nøgle', 'telefon', 'computer',
	'prinsesse', 'prins', 'konge', 'dronning', 'mester', 'helt', 'engel', 'djævel', 'drage',
	'hansen', 'jensen', 'nielsen', 'pedersen', 'andersen', 'christensen', 'larsen', 'sørensen',
	'mette', 'anne', 'peter', 'jens', 'lars', 'søren', 'mikkel', 'sofie', 'emma', 'ida', 'frederik'
];
