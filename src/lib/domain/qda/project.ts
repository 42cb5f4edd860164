import { codebookOrder, codeDefinition, codeLabel } from '../codebook/code';
import { copenhagenDayKey } from '../format/datetime';
import { copenhagenClock } from './clock';
import { exportGuids, type ExportGuids } from './guid';
import type {
	QdaCode,
	QdaCounts,
	QdaNote,
	QdaParticipant,
	QdaProject,
	QdaProjectInput,
	QdaSourceFile,
	QdaVariable
} from './model';
import { QDA_VARIABLES } from './model';
import { cpLength, docToQdaText, type QdaText } from './plain-text';
import { XmlWriter } from './xml';

/** REFI-QDA Project Exchange, QDA-XML 1.0 (the schema of 18 March 2019). */
export const QDA_PROJECT_NS = 'urn:QDA-XML:project:1.0';

/** xsd:dateTime in UTC, whole seconds (some importers do not expect fractions). */
function dateTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface Source {
	note: QdaNote;
	guid: string;
	name: string;
	body: QdaText;
}

/** Sources grouped by one of the ids a note links to (participants, places, a follow-along). */
function index(all: Source[], ids: (n: QdaNote) => readonly (string | null)[]) {
	const by = new Map<string, Source[]>();
	for (const s of all)
		for (const id of ids(s.note)) {
			if (id === null) continue;
			const list = by.get(id);
			if (list) list.push(s);
			else by.set(id, [s]);
		}
	return by;
}

/** Sources in time order, each named by date, time and genre; a repeated name gets " (2)", … */
function sources(input: QdaProjectInput, clock: (ms: number) => string, g: ExportGuids): Source[] {
	const seen = new Map<string, number>();
	return [...input.notes]
		.sort((a, b) => a.observedAt - b.observedAt || (a.id < b.id ? -1 : 1))
		.map((note) => {
			const base = `${clock(note.observedAt).slice(0, 16).replace('T', ' ')} · ${input.labels.genre(note.genre)}`;
			const n = (seen.get(base) ?? 0) + 1;
			seen.set(base, n);
			return {
				note,
				guid: g.source(note.id),
				name: n === 1 ? base : `${base} (${n})`,
				body: docToQdaText(note.doc)
			};
		});
}

function writeCodes(x: XmlWriter, input: QdaProjectInput, g: ExportGuids): Set<string> {
	const { lang } = input.labels;
	const ordered = codebookOrder(input.codes, lang);
	const ids = new Set(ordered.map((c) => c.id));
	if (!ordered.length) return ids;
	const code = (c: QdaCode, children: QdaCode[]) => {
		x.start('Code', { guid: g.code(c.id), name: codeLabel(c, lang), isCodable: true });
		const definition = codeDefinition(c, lang);
		if (definition) x.text('Description', definition);
		for (const child of children) code(child, []);
		x.end();
	};
	x.start('CodeBook').start('Codes');
	for (const top of ordered.filter((c) => !c.parentId || !ids.has(c.parentId)))
		code(
			top,
			ordered.filter((c) => c.parentId === top.id)
		);
	x.end().end();
	return ids;
}

function writeVariables(x: XmlWriter, input: QdaProjectInput, g: ExportGuids): void {
	x.start('Variables');
	for (const v of QDA_VARIABLES) {
		const { name, description } = input.labels.variables[v];
		const type = v === 'neighbourhood' || v === 'locationConsent' ? 'Text' : 'Boolean';
		x.start('Variable', { guid: g.variable(v), name, typeOfVariable: type });
		x.text('Description', description).end();
	}
	x.end();
}

function writeCase(x: XmlWriter, p: QdaParticipant, ctx: Context, of: Source[]): void {
	const { labels } = ctx.input;
	x.start('Case', { guid: ctx.g.case(p.id), name: p.code });
	const value = (v: QdaVariable, element: 'TextValue' | 'BooleanValue', text: string) => {
		x.start('VariableValue').empty('VariableRef', { targetGUID: ctx.g.variable(v) });
		x.text(element, text).end();
	};
	if (p.neighbourhood) value('neighbourhood', 'TextValue', labels.neighbourhood(p.neighbourhood));
	value('locationConsent', 'TextValue', labels.locationConsent(p.consent.location));
	value('followAlongConsent', 'BooleanValue', String(p.consent.followAlong));
	value('aggregateConsent', 'BooleanValue', String(p.consent.aggregate));
	value('withdrawn', 'BooleanValue', String(p.withdrawnAt !== null));
	for (const s of of) x.empty('SourceRef', { targetGUID: s.guid });
	x.end();
}

interface Context {
	input: QdaProjectInput;
	codeIds: Set<string>;
	users: Set<string>;
	codeOf: Map<string, string>;
	clock: (ms: number) => string;
	g: ExportGuids;
}

function description(s: Source, ctx: Context): string {
	const { labels: l } = ctx.input;
	const n = s.note;
	// Participants not in the export (in the trash) are left out, not named.
	const codes = n.participantIds.flatMap((id) => ctx.codeOf.get(id) ?? []);
	return [
		`${l.observed}: ${ctx.clock(n.observedAt)}`,
		n.neighbourhood ? `${l.neighbourhoodField}: ${l.neighbourhood(n.neighbourhood)}` : null,
		n.placeLabel ? `${l.place}: ${n.placeLabel}` : null,
		codes.length ? `${l.participants}: ${codes.join(', ')}` : null,
		n.sensitive ? `${l.sensitive}: ${l.yes}` : null
	]
		.filter((line) => line !== null)
		.join('\n');
}

/**
 * One TextSource: its description, the whole text as one selection holding the note's codes
 * (notes are coded as a whole), and each verbatim quote as a selection of its own.
 */
function writeSource(x: XmlWriter, s: Source, ctx: Context, counts: QdaCounts): void {
	const n = s.note;
	const user = ctx.users.has(n.authorId) ? ctx.g.user(n.authorId) : undefined;
	const stamp = { creatingUser: user, creationDateTime: dateTime(n.createdAt) };
	x.start('TextSource', {
		guid: s.guid,
		name: s.name,
		plainTextPath: `internal://${s.guid}.txt`,
		...stamp,
		modifiedDateTime: dateTime(n.updatedAt)
	});
	x.text('Description', description(s, ctx));
	const length = cpLength(s.body.text);
	const codes = n.codeIds.filter((id) => ctx.codeIds.has(id));
	if (codes.length && length > 0) {
		const selection = ctx.g.selection(s.guid);
		x.start('PlainTextSelection', {
			guid: selection,
			name: s.name,
			startPosition: 0,
			endPosition: length,
			...stamp
		});
		for (const codeId of codes) {
			// Who and when are the selection's; each coding says only which code.
			x.start('Coding', { guid: ctx.g.coding(selection, codeId) });
			x.empty('CodeRef', { targetGUID: ctx.g.code(codeId) }).end();
			counts.codings++;
		}
		x.end();
	}
	s.body.quotes.forEach((q, i) => {
		const quote = ctx.input.labels.quote;
		x.start('PlainTextSelection', {
			guid: ctx.g.quote(s.guid, i),
			name: quote,
			startPosition: q.start,
			endPosition: q.end,
			...stamp
		});
		x.text('Description', quote).end();
		counts.quotes++;
	});
	x.end();
}

function writeSets(x: XmlWriter, ctx: Context, all: Source[]) {
	const { input, codeOf, g } = ctx;
	const { labels } = input;
	const sets: { guid: string; name: string; description: string; members: Source[] }[] = [];
	const byPlace = index(all, (n) => n.placeIds);
	const byDay = index(all, (n) => [n.followAlongId]);
	for (const p of input.places)
		sets.push({
			guid: g.place(p.id),
			name: labels.placeSet(p.name),
			description: labels.placeSetDescription,
			members: byPlace.get(p.id) ?? []
		});
	for (const f of [...input.followAlongs].sort((a, b) => a.startedAt - b.startedAt))
		sets.push({
			guid: g.followAlong(f.id),
			name: labels.followSet(
				copenhagenDayKey(f.startedAt),
				f.participantId ? (codeOf.get(f.participantId) ?? null) : null
			),
			description: labels.followSetDescription,
			members: byDay.get(f.id) ?? []
		});
	const kept = sets.filter((s) => s.members.length);
	if (!kept.length) return 0;
	x.start('Sets');
	for (const set of kept) {
		x.start('Set', { guid: set.guid, name: set.name }).text('Description', set.description);
		for (const m of set.members) x.empty('MemberSource', { targetGUID: m.guid });
		x.end();
	}
	x.end();
	return kept.length;
}

/**
 * The project.qde document and the plain-text files of a REFI-QDA project, in the order the
 * schema sets: Users, CodeBook, Variables, Cases, Sources, Sets, Description.
 */
export function buildProject(input: QdaProjectInput): QdaProject {
	const clock = copenhagenClock();
	const g = exportGuids();
	const all = sources(input, clock, g);
	const counts: QdaCounts = {
		sources: all.length,
		codes: 0,
		codings: 0,
		quotes: 0,
		cases: input.participants.length,
		sets: 0,
		users: 0
	};
	const wanted = new Set([...input.notes.map((n) => n.authorId), input.exportedBy ?? '']);
	const users = input.users.filter((u) => wanted.has(u.id));
	const userIds = new Set(users.map((u) => u.id));
	counts.users = users.length;

	const x = new XmlWriter();
	x.start('Project', {
		xmlns: QDA_PROJECT_NS,
		name: input.name,
		origin: input.origin,
		creatingUserGUID:
			input.exportedBy && userIds.has(input.exportedBy) ? g.user(input.exportedBy) : undefined,
		creationDateTime: dateTime(input.exportedAt)
	});
	if (users.length) {
		x.start('Users');
		for (const u of users) x.empty('User', { guid: g.user(u.id), name: u.displayName });
		x.end();
	}
	const codeIds = writeCodes(x, input, g);
	counts.codes = codeIds.size;
	const ctx: Context = {
		input,
		codeIds,
		users: userIds,
		codeOf: new Map(input.participants.map((p) => [p.id, p.code])),
		clock,
		g
	};
	if (input.participants.length) {
		writeVariables(x, input, g);
		const byParticipant = index(all, (n) => n.participantIds);
		x.start('Cases');
		for (const p of input.participants) writeCase(x, p, ctx, byParticipant.get(p.id) ?? []);
		x.end();
	}
	if (all.length) {
		x.start('Sources');
		for (const s of all) writeSource(x, s, ctx, counts);
		x.end();
	}
	counts.sets = writeSets(x, ctx, all);
	x.text('Description', input.labels.projectDescription(all.length));
	x.end();

	const files: QdaSourceFile[] = all.map((s) => ({
		path: `Sources/${s.guid}.txt`,
		text: s.body.text
	}));
	return { qde: x.toString(), sources: files, counts };
}
