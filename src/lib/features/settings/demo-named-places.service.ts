import { demoInterviews, demoSurveyCsv, DEMO_PROMPTS } from '$lib/domain/demo/named-places';
import type { DemoParticipant } from '$lib/domain/demo/generate';
import { suggestMapping } from '$lib/domain/survey/mapping';
import { readSurvey } from '$lib/domain/survey/read';
import { change, commit } from '$lib/db/commit';
import { getProfile } from '$lib/db/ethnographers.repo';
import { interviewsRepo, namedPlacesRepo } from '$lib/db/named-places.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { getSettings } from '$lib/db/settings.repo';
import { applySurveyImport, planSurveyImport } from '$lib/features/survey/survey-import.service';

/** The demo's survey: what respondents agreed to on the survey's consent page. */
const SURVEY_CONSENT = { location: 'cell', followAlong: false, aggregate: true } as const;

/**
 * The demo's everyday places: about 40 interviews with their named places, written in one
 * transaction, then the synthetic Kobo survey imported through the survey import itself.
 */
export async function seedDemoEverydayPlaces(
	participants: readonly DemoParticipant[]
): Promise<void> {
	const ids = new Map((await participantsRepo.list()).map((p) => [p.code, p.id]));
	const me = (await getProfile())!;
	const { noteCellResolution } = await getSettings();
	const interviews = [];
	const places = [];
	for (const d of demoInterviews(participants, noteCellResolution)) {
		const participantId = ids.get(d.code)!;
		const interview = interviewsRepo.prepare(
			{
				participantId,
				interviewerId: me.id,
				date: d.date,
				startedAt: d.startedAt,
				neighbourhood: d.neighbourhood,
				consentCheckedAt: d.startedAt,
				prompts: DEMO_PROMPTS,
				quotes: [{ text: d.quote, offsetMs: d.places[0]?.offsetMs ?? null }]
			},
			d.startedAt
		);
		interviews.push(interview);
		for (const p of d.places)
			places.push(
				namedPlacesRepo.prepare(
					{ participantId, source: 'interview', interviewId: interview.id, ...p },
					d.startedAt
				)
			);
	}
	await commit([change(interviewsRepo, interviews), change(namedPlacesRepo, places)]);

	const read = await readSurvey('demo-survey-kobo.csv', new TextEncoder().encode(demoSurveyCsv()));
	if (!read.ok) throw new Error(`demo survey: ${read.problem.kind}`);
	const mapping = {
		...suggestMapping(read.table),
		period: 'the last 30 days',
		consent: SURVEY_CONSENT
	};
	const plan = await planSurveyImport(read.table, mapping);
	if (!plan.ok) throw new Error(`demo survey: ${plan.problem.kind}`);
	await applySurveyImport(plan.plan, mapping);
}
