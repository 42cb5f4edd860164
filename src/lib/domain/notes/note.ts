import { z } from 'zod';
import { CellLocation } from '../geo/cell-schema';
import { NeighbourhoodKey } from '../neighbourhoods/keys';
import { Id, Timestamp } from '../records/record';
import { DocNode } from './doc';

export const GENRES = ['jotting', 'description', 'quote', 'memo', 'reflexive'] as const;
export const Genre = z.enum(GENRES);
export type Genre = z.infer<typeof Genre>;

/** 5 MB of text is far beyond any note; the limit keeps a runaway paste from filling the disk. */
export const MAX_NOTE_TEXT = 5_000_000;

/**
 * Both versions of a note kept after a team package's conflict ("Keep both"): each points at
 * the other, and the copy (the package's version, under a new id) says it is the copy.
 */
export const NoteConflict = z.object({
	otherId: Id,
	copy: z.boolean(),
	/** Who made the package the other version came from. */
	from: z.string().max(60)
});
export type NoteConflict = z.infer<typeof NoteConflict>;

export const NoteContent = z.object({
	observedAt: Timestamp,
	genre: Genre.default('jotting'),
	neighbourhood: NeighbourhoodKey.nullable().default(null),
	participantIds: z.array(Id).max(200).default([]),
	/** Free-text place label; the glossary turns it into links to places. */
	placeLabel: z.string().max(200).default(''),
	placeIds: z.array(Id).max(200).default([]),
	codeIds: z.array(Id).max(500).default([]),
	sensitive: z.boolean().default(false),
	/** A grid cell only, snapped at capture. The raw position is never stored. */
	location: CellLocation.nullable().default(null),
	doc: DocNode,
	/** Plain text of `doc`, kept for search and exports. */
	text: z.string().max(MAX_NOTE_TEXT),
	/** Set when written during a follow-along: the note belongs to that day and moment. */
	followAlongId: Id.nullable().default(null),
	conflict: NoteConflict.nullable().default(null)
});
export type NoteContent = z.infer<typeof NoteContent>;
export type NoteInput = z.input<typeof NoteContent>;
