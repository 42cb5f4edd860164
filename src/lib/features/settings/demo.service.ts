import { DEMO_CONSENT_RECORD, generateDemo, type DemoNote } from '$lib/domain/demo/generate';
import { STARTER_CODES } from '$lib/domain/codebook/starter';
import { docToText, type DocNode } from '$lib/domain/notes/doc';
import { SETTINGS_ID } from '$lib/domain/settings/workspace-settings';
import { change, commit } from '$lib/db/commit';
import { ethnographersRepo, setDisplayName } from '$lib/db/ethnographers.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { settingsRepo } from '$lib/db/settings.repo';
import { ensureStarterCodebook, starterCodeId } from '$lib/features/notes/codebook.service';
import { stopsRepo, type Stop } from '$lib/db/follow-alongs.repo';
import { demoFollowAlongs } from './demo-follow-alongs.service';
import { seedDemoEverydayPlaces } from './demo-named-places.service';
import { linkDemoStops, prepareDemoGlossary } from './demo-places.service';

/** Progress steps the follow-along days take (their generation dominates the demo's start). */
const FOLLOW_STEPS = 100;

export type Progress = (done: number, total: number) => void;

/** A note's text as a document: the participant's code becomes an @-mention, a quote a quote block. */
function demoDoc(n: DemoNote, participantIds: Map<string, string>): DocNode {
	const paragraphs: DocNode[] = n.paragraphs.map((text) => {
		const code = n.participantCodes.find((c) => text.includes(c));
		if (!code) return { type: 'paragraph', content: [{ type: 'text', text }] };
		const [before, after] = text.split(code) as [string, string];
		return {
			type: 'paragraph',
			content: [
				...(before ? [{ type: 'text', text: before }] : []),
				{ type: 'mention', attrs: { id: participantIds.get(code) ?? null, label: code } },
				...(after ? [{ type: 'text', text: after }] : [])
			]
		};
	});
	if (n.quote)
		paragraphs.push({
			type: 'blockquote',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: n.quote }] }]
		});
	return { type: 'doc', content: paragraphs };
}

/**
 * Fills the open (demo) workspace with the seeded synthetic data set, in one transaction.
 * The caller opens the demo workspace first; this never touches the main one.
 */
export async function seedDemo(progress: Progress = () => {}): Promise<void> {
	const demo = generateDemo();
	const total = demo.notes.length + demo.participants.length + 2 + FOLLOW_STEPS;
	let done = 0;
	const step = (n = 1) => progress((done += n), total);

	await ensureStarterCodebook();
	const me = await setDisplayName(demo.ethnographers[0]!.displayName);
	const others = demo.ethnographers.slice(1).map((e) => ethnographersRepo.prepare(e));
	const authorIds = [me.id, ...others.map((e) => e.id)];
	step();

	const now = Date.now();
	const participants = demo.participants.map((p) =>
		participantsRepo.prepare(
			{ ...p, consentRecord: DEMO_CONSENT_RECORD, withdrawnAt: p.withdrawn ? now : null },
			now
		)
	);
	const participantIds = new Map(participants.map((p) => [p.code, p.id]));
	step(participants.length);

	const codeIds = new Map(STARTER_CODES.map((c, i) => [c.key, starterCodeId(i)]));
	const notes = demo.notes.map((n) => {
		const doc = demoDoc(n, participantIds);
		const note = notesRepo.prepare(
			{
				observedAt: n.observedAt,
				genre: n.genre,
				neighbourhood: n.neighbourhood,
				participantIds: n.participantCodes.map((c) => participantIds.get(c)!),
				placeLabel: n.placeLabel,
				codeIds: n.codeKeys.map((k) => codeIds.get(k)!),
				sensitive: n.sensitive,
				location: n.location,
				doc,
				text: docToText(doc)
			},
			n.observedAt
		);
		return { ...note, authorId: authorIds[n.author]! };
	});
	step(notes.length);

	// The glossary predates the notes (they start about 120 days before the end of the data).
	const glossary = prepareDemoGlossary(
		notes,
		authorIds,
		Math.min(...notes.map((n) => n.observedAt)) - 10 * 86_400_000
	);

	const before = done;
	const generated = await demoFollowAlongs(demo.participants, participants, authorIds, (f) =>
		progress((done = before + Math.round(f * FOLLOW_STEPS)), total)
	);
	// The days' stops link to the glossary place they are at.
	const days = generated.map((c) =>
		c.repo === stopsRepo
			? { ...c, entities: linkDemoStops(c.entities as Stop[], glossary.places) }
			: c
	);

	const settings = settingsRepo.prepare({ demo: true }, now, SETTINGS_ID);
	await commit([
		change(ethnographersRepo, others),
		change(participantsRepo, participants),
		change(notesRepo, glossary.notes),
		...glossary.changes,
		change(settingsRepo, [settings]),
		...days
	]);
	await seedDemoEverydayPlaces(demo.participants);
	step();
}
