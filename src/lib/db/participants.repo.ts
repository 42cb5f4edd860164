import { ParticipantContent } from '$lib/domain/participants/participant';
import { defineRepository, type EntityOf } from './repository';

export const participantsRepo = defineRepository({
	table: 'participants',
	content: ParticipantContent,
	version: 1
});

export type Participant = EntityOf<typeof ParticipantContent>;
