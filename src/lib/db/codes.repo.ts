import { CodeContent } from '$lib/domain/codebook/code';
import { defineRepository, type EntityOf } from './repository';

export const codesRepo = defineRepository({
	table: 'codes',
	content: CodeContent,
	version: 1
});

export type Code = EntityOf<typeof CodeContent>;
