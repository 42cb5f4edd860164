import { ParticipantContent } from '$lib/domain/participants/participant';
import { defineRepository, type EntityOf } from './repository';

export const participantsRepo = defineRepository({
	table: 'participants',
	content: ParticipantContent,
	version: 1,
	index: (c) => ({ nb: c.neighbourhood ?? undefined })
});

export type Participant = EntityOf<typeof ParticipantContent>;
