/**
 * The starter codebook, in Danish and English, from the project's research questions: stress
 * factors and resources outside institutions, obstacles to help, and how services and police shape them.
 */
export interface StarterCode {
	key: string;
	parent?: string;
	en: string;
	da: string;
	defEn: string;
	defDa: string;
}

export const STARTER_CODES: StarterCode[] = [
	{
		key: 'stress',
		en: 'Stress factors',
		da: 'Stressfaktorer',
		defEn:
			'What makes everyday life harder or riskier here: conflicts, threats, noise, being moved on, withdrawal.',
		defDa:
			'Det, der gør hverdagen sværere eller mere risikabel her: konflikter, trusler, uro, at blive jaget væk, abstinenser.'
	},
	{
		key: 'resources',
		en: 'Resources',
		da: 'Ressourcer',
		defEn: 'What helps people get by: people, places, knowledge, money, shelter, care.',
		defDa: 'Det, der hjælper folk med at klare sig: mennesker, steder, viden, penge, ly, omsorg.'
	},
	{
		key: 'obstacles',
		en: 'Obstacles to help',
		da: 'Barrierer for hjælp',
		defEn:
			'What keeps someone from help they need or are entitled to: rules, waiting, paperwork, distrust, opening hours.',
		defDa:
			'Det, der holder nogen fra hjælp, de har brug for eller ret til: regler, ventetid, papirarbejde, mistillid, åbningstider.'
	},
	{
		key: 'institutions',
		en: 'Contact with institutions',
		da: 'Kontakt med institutioner',
		defEn:
			'Meetings with services: consumption rooms, shelters, treatment, psychiatry, job centres, social workers.',
		defDa:
			'Møder med tilbud: stofindtagelsesrum, herberger, behandling, psykiatri, jobcentre, socialrådgivere.'
	},
	{
		key: 'police',
		en: 'Police or security',
		da: 'Politi eller vagter',
		defEn:
			'Encounters with police, guards or security staff, and how they change where and how people are.',
		defDa:
			'Møder med politi, vagter eller sikkerhedsfolk, og hvordan de ændrer, hvor og hvordan folk opholder sig.'
	},
	{
		key: 'police-search',
		parent: 'police',
		en: 'Stop and search',
		da: 'Visitation',
		defEn: 'Being stopped, searched or asked for identification.',
		defDa: 'At blive standset, visiteret eller bedt om legitimation.'
	},
	{
		key: 'police-moved',
		parent: 'police',
		en: 'Being moved on',
		da: 'At blive flyttet',
		defEn: 'Being told to leave a place, or a place made unusable.',
		defDa: 'At blive bedt om at gå, eller at et sted gøres ubrugeligt.'
	},
	{
		key: 'market',
		en: 'Drug market',
		da: 'Stofmarked',
		defEn: 'Buying, selling, prices, debts and the places and people of the market.',
		defDa: 'Køb, salg, priser, gæld og markedets steder og mennesker.'
	},
	{
		key: 'use',
		en: 'Use',
		da: 'Brug',
		defEn: 'Using drugs or alcohol: where, how, with whom, and the risks.',
		defDa: 'Brug af stoffer eller alkohol: hvor, hvordan, med hvem, og risiciene.'
	},
	{
		key: 'use-inject',
		parent: 'use',
		en: 'Injecting',
		da: 'Injektion',
		defEn: 'Injecting use and its equipment and places.',
		defDa: 'Injektion og dens udstyr og steder.'
	},
	{
		key: 'use-smoke',
		parent: 'use',
		en: 'Smoking',
		da: 'Rygning',
		defEn: 'Smoking crack, heroin or other drugs.',
		defDa: 'Rygning af crack, heroin eller andre stoffer.'
	},
	{
		key: 'housing',
		en: 'Housing and sleeping',
		da: 'Bolig og søvn',
		defEn: 'Where people live and sleep: flats, shelters, staircases, rough sleeping.',
		defDa: 'Hvor folk bor og sover: lejligheder, herberger, opgange, at sove ude.'
	},
	{
		key: 'health',
		en: 'Health',
		da: 'Helbred',
		defEn: 'Physical and mental health, care and its absence.',
		defDa: 'Fysisk og psykisk helbred, omsorg og mangel på samme.'
	},
	{
		key: 'health-mental',
		parent: 'health',
		en: 'Mental health',
		da: 'Psykisk helbred',
		defEn: 'Psychiatric symptoms, crises, dual diagnosis, psychiatric services.',
		defDa: 'Psykiske symptomer, kriser, dobbeltdiagnose, psykiatriske tilbud.'
	},
	{
		key: 'health-wounds',
		parent: 'health',
		en: 'Wounds and infections',
		da: 'Sår og infektioner',
		defEn: 'Abscesses, wounds, infections and their treatment.',
		defDa: 'Bylder, sår, infektioner og behandlingen af dem.'
	},
	{
		key: 'social',
		en: 'Social relations',
		da: 'Sociale relationer',
		defEn: 'Friends, partners, family, street community, conflicts and care between people.',
		defDa: 'Venner, partnere, familie, gadefællesskab, konflikter og omsorg mellem mennesker.'
	},
	{
		key: 'money',
		en: 'Money and benefits',
		da: 'Penge og ydelser',
		defEn: 'Income, benefits, debts, sanctions, begging, selling, collecting bottles.',
		defDa: 'Indkomst, ydelser, gæld, sanktioner, tiggeri, salg, pantflasker.'
	},
	{
		key: 'employment',
		en: 'Employment',
		da: 'Beskæftigelse',
		defEn: 'Work, activation, job centre demands, informal work.',
		defDa: 'Arbejde, aktivering, krav fra jobcentret, uformelt arbejde.'
	}
];
