import { copenhagenDayKey } from '$lib/domain/format/datetime';
import type { QdaCounts, QdaLabels, QdaProjectInput } from '$lib/domain/qda/model';
import { docToQdaText } from '$lib/domain/qda/plain-text';
import { buildProject } from '$lib/domain/qda/project';
import { packQdpx } from '$lib/domain/qda/qdpx';
import { codesRepo } from '$lib/db/codes.repo';
import { ethnographersRepo } from '$lib/db/ethnographers.repo';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import type { Note } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { placesRepo } from '$lib/db/places.repo';
import { currentKind, identity } from '$lib/db/workspace';
import { downloadFile } from '$lib/features/export/download.service';
import {
	openFile,
	protectFile,
	type EnvelopeProblem,
	type Protection,
	type ProtectOptions
} from '$lib/features/export/export-protection.service';
import type { ExportRecords } from '$lib/features/export/export-scan.service';
import type { KdfOptions } from '$lib/crypto';

/**
 * The REFI-QDA export of a set of notes: what it will write, gathered once, so the identifier
 * scan reads exactly what the file will hold; then the file, encrypted or (confirmed) plain.
 * Only what the notes link to goes in: their participants (as cases), glossary places and
 * follow-along days (as sets), the authors; and the whole codebook, the analysis' frame.
 */
export interface QdaExport {
	input: QdaProjectInput;
	records: ExportRecords;
}

const live = <T extends { deletedAt: number | null }>(rows: (T | undefined)[]): T[] =>
	rows.filter((r): r is T => r !== undefined && r.deletedAt === null);

const unique = (ids: Iterable<string | null>) =>
	[...new Set(ids)].filter((id): id is string => id !== null);

export async function prepareQdaExport(
	notes: readonly Note[],
	labels: QdaLabels,
	name: string,
	now = Date.now()
): Promise<QdaExport> {
	const followAlongs = live(
		await followAlongsRepo.getMany(unique(notes.map((n) => n.followAlongId)))
	);
	const participants = live(
		await participantsRepo.getMany(
			unique([
				...notes.flatMap((n) => n.participantIds),
				...followAlongs.map((f) => f.participantId)
			])
		)
	);
	const places = live(await placesRepo.getMany(unique(notes.flatMap((n) => n.placeIds))));
	const codes = await codesRepo.list();
	const authors = new Set([...notes.map((n) => n.authorId), identity().authorId]);
	const users = (await ethnographersRepo.list()).filter((e) => authors.has(e.id));

	const input: QdaProjectInput = {
		name,
		origin: `Stedsans ${__APP_VERSION__}`,
		exportedAt: now,
		exportedBy: identity().authorId,
		notes,
		codes,
		participants,
		users,
		places: places.map((p) => ({ id: p.id, name: p.name })),
		followAlongs,
		labels
	};
	const records: ExportRecords = {
		notes: notes.map((n) => ({
			id: n.id,
			observedAt: n.observedAt,
			text: docToQdaText(n.doc).text,
			placeLabel: n.placeLabel
		})),
		participants: participants.map((p) => ({ id: p.id, code: p.code })),
		codes: codes.map((c) => ({ id: c.id, label: c.label, definition: c.definition })),
		ethnographers: users.map((u) => ({ id: u.id, displayName: u.displayName })),
		places: places.map((p) => ({ id: p.id, name: p.name, institution: p.institution }))
	};
	return { input, records };
}

export interface QdaFile {
	filename: string;
	/** The envelope's text, or the .qdpx itself when the user chose plaintext. */
	content: string | Uint8Array<ArrayBuffer>;
	counts: QdaCounts;
	encrypted: boolean;
}

function baseName(now: number): string {
	const prefix = currentKind() === 'demo' ? 'stedsans-demo-analysis' : 'stedsans-analysis';
	return `${prefix}-${copenhagenDayKey(now)}`;
}

/** Builds the .qdpx, as it is or inside an encrypted envelope (a .stedsans file). */
export async function sealQdaExport(
	prepared: QdaExport,
	protection: Protection,
	options: ProtectOptions = {}
): Promise<QdaFile> {
	const project = buildProject(prepared.input);
	const zip = packQdpx(project, prepared.input.exportedAt);
	const content = await protectFile(zip, 'qda-project', protection, options);
	const base = baseName(prepared.input.exportedAt);
	return typeof content === 'string'
		? { filename: `${base}.stedsans`, content, counts: project.counts, encrypted: true }
		: { filename: `${base}.qdpx`, content: zip, counts: project.counts, encrypted: false };
}

export function saveQdaFile(file: Pick<QdaFile, 'filename' | 'content'>): void {
	const zip = typeof file.content !== 'string';
	downloadFile(file.filename, file.content, zip ? 'application/zip' : 'application/json');
}

export type OpenedQda =
	| { ok: true; filename: string; content: Uint8Array<ArrayBuffer> }
	| {
			ok: false;
			problem: EnvelopeProblem | { kind: 'not-encrypted' } | { kind: 'not-analysis-file' };
	  };

/**
 * An encrypted analysis file opened with its passphrase: the .qdpx inside, for the analysis
 * software (which cannot read the envelope). Nothing is stored in the workspace.
 */
export async function openQdaFile(
	file: { name: string; text: () => Promise<string> },
	unlock: { passphrase?: string; kdf?: KdfOptions } = {}
): Promise<OpenedQda> {
	const text = await file.text();
	const opened = await openFile(text, 'qda-project', { ...unlock, binary: true });
	if (!opened.ok) return opened;
	if (!opened.encrypted || !opened.content)
		// A ZIP starts with "PK\3\4": a .qdpx already, which needs no opening here.
		return text.startsWith('PK\u0003\u0004')
			? { ok: false, problem: { kind: 'not-encrypted' } }
			: { ok: false, problem: { kind: 'not-analysis-file' } };
	const filename = `${file.name.replace(/\.stedsans$/i, '') || 'stedsans-analysis'}.qdpx`;
	return { ok: true, filename, content: opened.content as Uint8Array<ArrayBuffer> };
}
