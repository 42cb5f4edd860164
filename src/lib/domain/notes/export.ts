import { cellPolygon } from '../geo/cells';
import { copenhagenDayKey, isoCopenhagen } from '../format/datetime';
import type { FeatureCollection } from 'geojson';
import { docToMarkdown } from './markdown';
import { toCsv, type CsvDialect } from '../export/csv-dialect';
import type { NoteContent } from './note';

/** A note as exports see it, with its links already turned into names. */
export interface ExportNote extends NoteContent {
	id: string;
	author: string;
	participantCodes: string[];
	codeLabels: string[];
	neighbourhoodName: string;
	genreName: string;
}

export interface MarkdownLabels {
	title: (day: string) => string;
	observed: string;
	author: string;
	genre: string;
	neighbourhood: string;
	participants: string;
	place: string;
	codes: string;
	location: string;
	sensitive: string;
	yes: string;
	cell: (cell: string, resolution: number) => string;
}

/** One Markdown file per Copenhagen day, each note with its metadata as a header list. */
export function notesToMarkdownFiles(
	notes: readonly ExportNote[],
	labels: MarkdownLabels
): { filename: string; text: string }[] {
	const byDay = new Map<string, ExportNote[]>();
	for (const n of [...notes].sort((a, b) => a.observedAt - b.observedAt)) {
		const day = copenhagenDayKey(n.observedAt);
		byDay.set(day, [...(byDay.get(day) ?? []), n]);
	}
	return [...byDay].map(([day, dayNotes]) => ({
		filename: `notes-${day}.md`,
		text:
			[`# ${labels.title(day)}`, ...dayNotes.map((n) => noteSection(n, labels))].join('\n\n') + '\n'
	}));
}

function noteSection(n: ExportNote, l: MarkdownLabels): string {
	const time = isoCopenhagen(n.observedAt).slice(11, 16);
	const meta = [
		`- ${l.observed}: ${isoCopenhagen(n.observedAt)}`,
		`- ${l.author}: ${n.author}`,
		`- ${l.genre}: ${n.genreName}`,
		n.neighbourhood ? `- ${l.neighbourhood}: ${n.neighbourhoodName}` : null,
		n.participantCodes.length ? `- ${l.participants}: ${n.participantCodes.join(', ')}` : null,
		n.placeLabel ? `- ${l.place}: ${n.placeLabel}` : null,
		n.codeLabels.length ? `- ${l.codes}: ${n.codeLabels.join('; ')}` : null,
		n.location ? `- ${l.location}: ${l.cell(n.location.cell, n.location.resolution)}` : null,
		n.sensitive ? `- ${l.sensitive}: ${l.yes}` : null,
		`- id: ${n.id}`
	].filter(Boolean);
	return [`## ${time} · ${n.genreName}`, meta.join('\n'), docToMarkdown(n.doc)].join('\n\n');
}

export const CSV_COLUMNS = [
	'id',
	'observed_at',
	'date',
	'time',
	'author',
	'genre',
	'genre_label',
	'neighbourhood',
	'neighbourhood_label',
	'participants',
	'place',
	'codes',
	'sensitive',
	'cell',
	'cell_resolution',
	'cell_lat',
	'cell_lon',
	'follow_along_id',
	'text'
] as const;

/**
 * One row per note, UTF-8 with a byte-order mark (Excel and SPSS read it as UTF-8). Keys
 * (`genre`, `neighbourhood`) for scripts, with their labels in the export's language beside them.
 * A cell that starts like a formula is prefixed with an apostrophe (CSV injection).
 */
export function notesToCsv(notes: readonly ExportNote[], dialect: CsvDialect = 'standard'): string {
	// Coordinates as text: toCsv rounds numbers to two decimals, and a cell centre needs all five.
	const num = (v: number | undefined) =>
		v === undefined ? '' : dialect === 'excel-da' ? String(v).replace('.', ',') : String(v);
	const rows = [...notes]
		.sort((a, b) => a.observedAt - b.observedAt)
		.map((n) => {
			const iso = isoCopenhagen(n.observedAt);
			return [
				n.id,
				iso,
				iso.slice(0, 10),
				iso.slice(11, 16),
				n.author,
				n.genre,
				n.genreName,
				n.neighbourhood ?? '',
				n.neighbourhood ? n.neighbourhoodName : '',
				n.participantCodes.join(';'),
				n.placeLabel,
				n.codeLabels.join(';'),
				n.sensitive ? '1' : '0',
				n.location?.cell ?? '',
				n.location?.resolution ?? '',
				num(n.location?.lat),
				num(n.location?.lon),
				n.followAlongId ?? '',
				n.text
			];
		});
	return toCsv([CSV_COLUMNS, ...rows], dialect);
}

/** Located notes as their cells' polygons: the cell is the only location there is. */
export function notesToGeoJson(notes: readonly ExportNote[]): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: notes
			.filter((n) => n.location)
			.map((n) => ({
				type: 'Feature',
				geometry: { type: 'Polygon', coordinates: [cellPolygon(n.location!.cell)] },
				properties: {
					id: n.id,
					observed_at: isoCopenhagen(n.observedAt),
					genre: n.genre,
					neighbourhood: n.neighbourhood,
					participants: n.participantCodes,
					codes: n.codeLabels,
					place: n.placeLabel,
					cell: n.location!.cell,
					cell_resolution: n.location!.resolution,
					sensitive: n.sensitive,
					text: n.text
				}
			}))
	};
}
