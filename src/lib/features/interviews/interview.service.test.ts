import { describe, expect, it } from 'vitest';
import { getResolution } from 'h3-js';
import { participantsRepo } from '$lib/db/participants.repo';
import { namedPlacesRepo } from '$lib/db/named-places.repo';
import { placesRepo } from '$lib/db/places.repo';
import { db } from '$lib/db/workspace';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { participant, T0 } from '$lib/testing/follow-alongs';
import {
	InterviewConsentError,
	nameInInterview,
	NoLocationConsentError,
	placesOfInterview,
	placesOfParticipant,
	removePlace,
	restorePlace,
	startInterview
} from './interview.service';

useFreshWorkspace();

const RECORD = { givenAt: T0 - 86_400_000, form: 'written' as const };

async function consenting(code: string, location: 'cell' | 'neighbourhood' | 'none' = 'cell') {
	const p = await participant(code, { location });
	return participantsRepo.update(p.id, { consentRecord: RECORD });
}

const start = (participantId: string, consentChecked = true) =>
	startInterview(
		{ participantId, consentChecked, neighbourhood: null, prompts: ['Where did you sleep?'] },
		'MK',
		T0
	);

describe('interview mode', () => {
	it('refuses to start without recorded consent, after a withdrawal, or unchecked', async () => {
		const unrecorded = await participant('VB-001');
		await expect(start(unrecorded.id)).rejects.toThrow(InterviewConsentError);
		const gone = await consenting('VB-002');
		await participantsRepo.update(gone.id, { withdrawnAt: T0 });
		await expect(start(gone.id)).rejects.toMatchObject({ reason: 'withdrawn' });
		const ok = await consenting('VB-003');
		await expect(start(ok.id, false)).rejects.toMatchObject({ reason: 'not-checked' });
		const interview = await start(ok.id);
		expect(interview).toMatchObject({
			participantId: ok.id,
			date: '2026-03-03',
			consentCheckedAt: T0,
			neighbourhood: 'vesterbro'
		});
	});

	it('snaps a tap to the cell the consent allows, keeps no position, and counts the offset', async () => {
		const p = await consenting('VB-001');
		const interview = await start(p.id);
		const tap = { kind: 'position' as const, lat: 55.6681234, lon: 12.5512345 };
		const np = await nameInInterview(interview, tap, 'sleep', T0 + 95_000);
		expect(np.offsetMs).toBe(95_000);
		expect(np.where.kind).toBe('cell');
		expect(getResolution((np.where as { cell: string }).cell)).toBe(8);
		const stored = JSON.stringify(await db().namedPlaces.toArray());
		expect(stored).not.toContain('55.668');
		expect(JSON.stringify(np)).not.toContain('55.668');

		const coarse = await consenting('VB-002', 'neighbourhood');
		const c = await nameInInterview(await start(coarse.id), tap, 'buy', T0 + 1000);
		expect(getResolution((c.where as { cell: string }).cell)).toBe(7);

		const none = await consenting('VB-003', 'none');
		const noneInterview = await start(none.id);
		await expect(nameInInterview(noneInterview, tap, 'eat')).rejects.toThrow(
			NoLocationConsentError
		);
		const church = await placesRepo.create({ name: 'Kirken' });
		const named = await nameInInterview(
			noneInterview,
			{ kind: 'place', placeId: church.id },
			'eat'
		);
		expect(named.where).toEqual({ kind: 'place', placeId: church.id });
	});

	it('lists the places of an interview in order, deletes one with undo, and shows all on the participant', async () => {
		const p = await consenting('VB-001');
		const interview = await start(p.id);
		const at = (i: number) => ({ kind: 'position' as const, lat: 55.665 + i / 500, lon: 12.55 });
		const first = await nameInInterview(interview, at(0), 'sleep', T0 + 10_000);
		const second = await nameInInterview(interview, at(1), 'buy', T0 + 20_000);
		await namedPlacesRepo.create({
			participantId: p.id,
			source: 'survey',
			where: first.where,
			activity: 'eat'
		});
		expect((await placesOfInterview(interview.id)).map((x) => x.id)).toEqual([first.id, second.id]);
		await removePlace(first.id);
		expect((await placesOfInterview(interview.id)).map((x) => x.id)).toEqual([second.id]);
		await restorePlace(first.id);
		expect(await placesOfInterview(interview.id)).toHaveLength(2);
		const everywhere = await placesOfParticipant(p.id);
		expect(everywhere.map((x) => x.source).sort()).toEqual(['interview', 'interview', 'survey']);
	});
});
