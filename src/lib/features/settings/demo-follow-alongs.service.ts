import { generateDemoFollowAlongs, type DemoDay } from '$lib/domain/demo/follow-alongs';
import { DEMO_CONSENT_RECORD, type DemoParticipant } from '$lib/domain/demo/generate';
import { gapsOf } from '$lib/domain/follow-alongs/gaps';
import { snapToCell } from '$lib/domain/geo/cells';
import { applyConsent } from '$lib/domain/notes/consent';
import { STARTER_CODES } from '$lib/domain/codebook/starter';
import { docToText, type DocNode } from '$lib/domain/notes/doc';
import { packChunks } from '$lib/domain/tracks/chunks';
import { detectStops } from '$lib/domain/tracks/stops';
import { change, type Change } from '$lib/db/commit';
import { fixChunksRepo, followAlongsRepo, stopsRepo, type Stop } from '$lib/db/follow-alongs.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo, type Participant } from '$lib/db/participants.repo';
import { starterCodeId } from '$lib/features/notes/codebook.service';

const codeIds = new Map(STARTER_CODES.map((c, i) => [c.key, starterCodeId(i)]));

/**
 * The demo workspace's follow-along days as records, ready to be committed with the rest of the
 * demo (see demo.service.ts): the days, their fixes in chunks, their stops and their notes, plus
 * the participants added for them. Yields to the browser between days so the progress bar moves.
 */
export async function demoFollowAlongs(
	demoParticipants: readonly DemoParticipant[],
	participants: readonly Participant[],
	authorIds: readonly string[],
	onFraction: (fraction: number) => void = () => {}
): Promise<Change[]> {
	const { added, days } = generateDemoFollowAlongs(demoParticipants, { authors: authorIds.length });
	const now = Date.now();
	const extra = added.map((p) =>
		participantsRepo.prepare({ ...p, consentRecord: DEMO_CONSENT_RECORD, withdrawnAt: null }, now)
	);
	const byCode = new Map([...participants, ...extra].map((p) => [p.code, p]));
	const out = {
		days: [] as object[],
		chunks: [] as object[],
		stops: [] as object[],
		notes: [] as object[]
	};
	for (let k = 0; k < days.length; k++) {
		const day = days[k]!;
		const participant = byCode.get(day.participantCode)!;
		const author = authorIds[day.author] ?? authorIds[0]!;
		addDay(out, day, participant, author, now);
		if (k % 10 === 9) {
			onFraction((k + 1) / days.length);
			await new Promise((r) => setTimeout(r, 0));
		}
	}
	onFraction(1);
	return [
		change(participantsRepo, extra),
		change(followAlongsRepo, out.days),
		change(fixChunksRepo, out.chunks),
		change(stopsRepo, out.stops),
		change(notesRepo, out.notes)
	];
}

function addDay(
	out: { days: object[]; chunks: object[]; stops: object[]; notes: object[] },
	day: DemoDay,
	participant: Participant,
	authorId: string,
	now: number
): void {
	const entity = followAlongsRepo.prepare(
		{
			participantId: participant.id,
			ethnographerIds: [authorId],
			neighbourhood: day.neighbourhood,
			kind: day.kind,
			modes: ['walking'],
			routeChosenBy: day.routeChosenBy,
			companions: day.companions,
			routeSource: day.routeSource,
			status: 'ended',
			startedAt: day.start,
			endedAt: day.end,
			gaps: gapsOf(day.track, 'timeout'),
			fixCount: day.track.count
		},
		now
	);
	const mine = { ...entity, authorId };
	out.days.push(mine);
	for (const c of packChunks(mine.id, day.track))
		out.chunks.push({ ...fixChunksRepo.prepare(c, now), authorId });
	const stops: Stop[] = day.proposed
		? detectStops(day.track).map((s) =>
				stopsRepo.prepare(
					{
						followAlongId: mine.id,
						arrivedAt: Math.round(s.arrivedAt),
						departedAt: Math.round(s.departedAt),
						lat: s.lat,
						lon: s.lon,
						source: 'detected',
						status: 'proposed',
						fixCount: s.fixCount
					},
					now
				)
			)
		: day.stops.map((s) =>
				stopsRepo.prepare(
					{
						followAlongId: mine.id,
						arrivedAt: s.arrivedAt,
						departedAt: s.departedAt,
						lat: s.lat,
						lon: s.lon,
						source: day.routeSource === 'gps' ? 'detected' : 'sketched',
						status: 'confirmed',
						...s.fields
					},
					now
				)
			);
	for (const s of stops) out.stops.push({ ...s, authorId });
	for (const n of day.notes) {
		const allowed = applyConsent(
			{ location: snapToCell(n.lat, n.lon, 8), neighbourhood: day.neighbourhood },
			[participant]
		);
		const doc = mentionDoc(n.text, participant, n.quote);
		const note = notesRepo.prepare(
			{
				observedAt: n.observedAt,
				genre: n.quote ? 'quote' : 'jotting',
				neighbourhood: allowed.neighbourhood,
				participantIds: [participant.id],
				placeLabel: allowed.neighbourhood
					? (day.stops.find((s) => s.arrivedAt <= n.observedAt && n.observedAt <= s.departedAt)
							?.fields.ownName ?? '')
					: '',
				location: allowed.location,
				codeIds: n.codes.map((key) => codeIds.get(key)).filter((id) => id !== undefined),
				doc,
				text: docToText(doc),
				followAlongId: mine.id
			},
			n.observedAt
		);
		out.notes.push({ ...note, authorId });
	}
}

/** The note's text with the participant's code as an @-mention, and a quote as a quote block. */
function mentionDoc(text: string, p: Participant, quote: string | null): DocNode {
	const [before, after] = text.includes(p.code)
		? (text.split(p.code) as [string, string])
		: [text, null];
	const paragraph: DocNode = {
		type: 'paragraph',
		content: [
			...(before ? [{ type: 'text', text: before }] : []),
			...(after !== null ? [{ type: 'mention', attrs: { id: p.id, label: p.code } }] : []),
			...(after ? [{ type: 'text', text: after }] : [])
		]
	};
	const blocks: DocNode[] = [paragraph];
	if (quote)
		blocks.push({
			type: 'blockquote',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: quote }] }]
		});
	return { type: 'doc', content: blocks };
}
