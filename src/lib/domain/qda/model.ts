import type { Lang } from '../codebook/code';
import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import type { DocNode } from '../notes/doc';
import type { Genre } from '../notes/note';
import type { LocationConsent } from '../participants/participant';

/** What a REFI-QDA export is made of: the records as the project needs them, names resolved. */

export interface QdaNote {
	id: string;
	createdAt: number;
	updatedAt: number;
	/** Who last wrote the note (an ethnographer's record id). */
	authorId: string;
	observedAt: number;
	genre: Genre;
	neighbourhood: NeighbourhoodKey | null;
	participantIds: readonly string[];
	placeIds: readonly string[];
	placeLabel: string;
	codeIds: readonly string[];
	followAlongId: string | null;
	sensitive: boolean;
	doc: DocNode;
}

export interface QdaCode {
	id: string;
	parentId: string | null;
	label: { en: string; da: string };
	definition: { en: string; da: string };
}

export interface QdaParticipant {
	id: string;
	code: string;
	neighbourhood: NeighbourhoodKey | null;
	consent: { location: LocationConsent; followAlong: boolean; aggregate: boolean };
	withdrawnAt: number | null;
}

export interface QdaUser {
	id: string;
	displayName: string;
}

export interface QdaPlace {
	id: string;
	name: string;
}

export interface QdaFollowAlong {
	id: string;
	startedAt: number;
	participantId: string | null;
}

/** The case variables, one per participant and variable. */
export const QDA_VARIABLES = [
	'neighbourhood',
	'locationConsent',
	'followAlongConsent',
	'aggregateConsent',
	'withdrawn'
] as const;
export type QdaVariable = (typeof QDA_VARIABLES)[number];

/** Every word the project holds that is not the team's own, in the language of the export. */
export interface QdaLabels {
	lang: Lang;
	genre: (genre: Genre) => string;
	neighbourhood: (key: NeighbourhoodKey) => string;
	locationConsent: (level: LocationConsent) => string;
	variables: Record<QdaVariable, { name: string; description: string }>;
	/** Name and description of a verbatim-quote selection. */
	quote: string;
	placeSet: (name: string) => string;
	placeSetDescription: string;
	followSet: (day: string, participantCode: string | null) => string;
	followSetDescription: string;
	/** The lines of a source's description. */
	observed: string;
	neighbourhoodField: string;
	place: string;
	participants: string;
	sensitive: string;
	yes: string;
	projectDescription: (notes: number) => string;
}

export interface QdaProjectInput {
	/** The project's name in the analysis software. */
	name: string;
	/** The program that wrote it ("Stedsans 0.1.0"). */
	origin: string;
	exportedAt: number;
	/** The ethnographer exporting, when known. */
	exportedBy: string | null;
	notes: readonly QdaNote[];
	codes: readonly QdaCode[];
	participants: readonly QdaParticipant[];
	users: readonly QdaUser[];
	places: readonly QdaPlace[];
	followAlongs: readonly QdaFollowAlong[];
	labels: QdaLabels;
}

/** A plain-text source file, at its path inside the .qdpx ("Sources/<guid>.txt"). */
export interface QdaSourceFile {
	path: string;
	text: string;
}

export interface QdaCounts {
	sources: number;
	codes: number;
	codings: number;
	quotes: number;
	cases: number;
	sets: number;
	users: number;
}

export interface QdaProject {
	/** project.qde */
	qde: string;
	sources: QdaSourceFile[];
	counts: QdaCounts;
}
