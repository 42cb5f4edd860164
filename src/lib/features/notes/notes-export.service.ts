import { zipSync, strToU8 } from 'fflate';
import { copenhagenDayKey, type AppLocale } from '$lib/domain/format/datetime';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';
import {
	notesToCsv,
	notesToGeoJson,
	notesToMarkdownFiles,
	type ExportNote,
	type MarkdownLabels
} from '$lib/domain/notes/export';
import type { Genre } from '$lib/domain/notes/note';
import type { Note } from '$lib/db/notes.repo';
import { downloadFile } from '$lib/features/export/download.service';
import type { ExportRecords } from '$lib/features/export/export-scan.service';

export type NotesExportFormat = 'markdown' | 'csv' | 'csv-da' | 'geojson';

export interface ExportLookups {
	lang: AppLocale;
	markdown: MarkdownLabels;
	author: (id: string) => string;
	participant: (id: string) => string;
	code: (id: string) => string;
	neighbourhood: (key: NeighbourhoodKey) => string;
	genre: (g: Genre) => string;
}

export function toExportNotes(notes: readonly Note[], l: ExportLookups): ExportNote[] {
	return notes.map((n) => ({
		...n,
		author: l.author(n.authorId),
		participantCodes: n.participantIds.map(l.participant),
		codeLabels: n.codeIds.map(l.code),
		neighbourhoodName: n.neighbourhood ? l.neighbourhood(n.neighbourhood) : '',
		genreName: l.genre(n.genre)
	}));
}

/**
 * What a notes export writes, as records for the scan before it: the notes (only located ones go
 * into GeoJSON) with the participants' codes, code labels and author names they carry.
 */
export function notesExportRecords(
	notes: readonly Note[],
	format: NotesExportFormat,
	l: ExportLookups
): ExportRecords {
	const written = format === 'geojson' ? notes.filter((n) => n.location) : notes;
	const ids = (pick: (n: Note) => readonly string[]) => [...new Set(written.flatMap(pick))];
	return {
		notes: written.map((n) => ({
			id: n.id,
			observedAt: n.observedAt,
			text: n.text,
			placeLabel: n.placeLabel
		})),
		participants: ids((n) => n.participantIds).map((id) => ({ id, code: l.participant(id) })),
		codes: ids((n) => n.codeIds).map((id) => ({ id, label: { en: l.code(id) } })),
		ethnographers: ids((n) => [n.authorId]).map((id) => ({ id, displayName: l.author(id) }))
	};
}

/** Builds and downloads the chosen export of the given notes; returns the file name. */
export async function exportNotes(
	notes: readonly Note[],
	format: NotesExportFormat,
	l: ExportLookups
): Promise<string> {
	const rows = toExportNotes(notes, l);
	const stamp = copenhagenDayKey(Date.now());
	if (format === 'csv' || format === 'csv-da') {
		const name = `stedsans-notes-${stamp}${format === 'csv-da' ? '-excel-da' : ''}.csv`;
		const dialect = format === 'csv-da' ? 'excel-da' : 'standard';
		downloadFile(name, notesToCsv(rows, dialect), 'text/csv;charset=utf-8');
		return name;
	}
	if (format === 'geojson') {
		const name = `stedsans-notes-${stamp}.geojson`;
		downloadFile(name, JSON.stringify(notesToGeoJson(rows), null, 1), 'application/geo+json');
		return name;
	}
	// One Markdown file per day, packed in a zip so the browser saves them in one go.
	const files = notesToMarkdownFiles(rows, l.markdown);
	const zip = zipSync(Object.fromEntries(files.map((f) => [f.filename, strToU8(f.text)])));
	const name = `stedsans-notes-${stamp}.zip`;
	downloadFile(name, zip as Uint8Array<ArrayBuffer>, 'application/zip');
	return name;
}
