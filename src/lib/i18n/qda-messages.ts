import { m } from '$lib/paraglide/messages.js';
import { QdcError } from '$lib/domain/qda/codebook-read';
import type { CodebookImport } from '$lib/features/notes/qdc-import.service';
import type { OpenedQda } from '$lib/features/notes/qda-export.service';
import { describeError } from '$lib/i18n/errors';
import { describeEnvelopeProblem } from '$lib/i18n/export-messages';

/** Why a codebook file was not imported; every message ends with "nothing was changed". */
export function describeCodebookError(e: unknown): string {
	if (!(e instanceof QdcError)) return describeError(e);
	switch (e.problem) {
		case 'too-large':
			return m.qdcTooLarge();
		case 'not-xml':
			return m.qdcNotXml();
		case 'dtd':
			return m.qdcDtd();
		case 'project-file':
			return m.qdcProjectFile();
		case 'not-codebook':
			return m.qdcNotCodebook();
		case 'no-codes':
			return m.qdcNoCodes();
		case 'unnamed-code':
			return m.qdcUnnamedCode();
		case 'invalid-code':
			return m.qdcInvalidCode({ code: e.code ?? '' });
	}
}

export function describeCodebookImport(r: CodebookImport): string {
	const merged = m.qdcImported({
		added: m.qdcAdded({ count: r.added }),
		matched: m.qdcMatched({ count: r.matched }),
		updated: m.qdcUpdated({ count: r.updated })
	});
	return r.flattened ? `${merged} ${m.qdcFlattened({ count: r.flattened })}` : merged;
}

/** Why an encrypted analysis file did not open. */
export function describeQdaOpenProblem(
	problem: Extract<OpenedQda, { ok: false }>['problem']
): string {
	if (problem.kind === 'not-encrypted') return m.qdaNotEncrypted();
	if (problem.kind === 'not-analysis-file') return m.qdaWrongFile();
	if (problem.kind === 'wrong-content') return m.qdaWrongFile();
	return describeEnvelopeProblem(problem);
}
