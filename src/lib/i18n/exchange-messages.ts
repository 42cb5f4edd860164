import { m } from '$lib/paraglide/messages.js';
import type { PackageProblem } from '$lib/domain/exchange/package';
import { formatBytes, type AppLocale } from '$lib/domain/format/datetime';
import type { ImportCounts } from '$lib/features/exchange/import-log.service';

/** What is wrong with a package, in the user's words, always ending with "nothing was imported". */
export function describePackageProblem(p: PackageProblem, locale: AppLocale): string {
	switch (p.kind) {
		case 'too-large':
			return m.packageTooLarge({ size: formatBytes(p.bytes, locale) });
		case 'not-json':
			return m.packageNotJson({ detail: p.detail.slice(0, 200) });
		case 'not-package':
			return m.packageNotPackage();
		case 'future-version':
			return m.packageFutureVersion({ version: p.version });
		case 'invalid':
			return m.packageInvalid({ path: p.path, detail: p.detail.slice(0, 200) });
		case 'too-long':
			return m.packageTooLong({ path: p.path, maximum: p.maximum });
		case 'unknown-table':
			return m.packageUnknownTable({ table: p.table.slice(0, 40) });
		case 'future-record-version':
			return m.packageFutureRecord({ path: p.path, version: p.version });
		case 'duplicate-id':
			return m.packageDuplicateId({ path: p.path });
		case 'unknown-reference':
			return m.packageUnknownReference({ path: p.path, count: p.count });
		case 'other-workspace':
			return p.file === 'demo' ? m.deskPackageFromDemo() : m.deskPackageIntoDemo();
	}
}

/** "3 new, 2 changed, 1 deleted, …": only the parts that are not zero. */
export function describeCounts(c: ImportCounts): string {
	const parts: string[] = [];
	if (c.added) parts.push(m.countAdded({ count: c.added }));
	if (c.updated) parts.push(m.countUpdated({ count: c.updated }));
	if (c.deleted) parts.push(m.countDeleted({ count: c.deleted }));
	if (c.restored) parts.push(m.countRestored({ count: c.restored }));
	if (c.conflicts) parts.push(m.countConflicts({ count: c.conflicts }));
	if (c.keptLocal) parts.push(m.countKeptLocal({ count: c.keptLocal }));
	if (c.same) parts.push(m.countSame({ count: c.same }));
	return parts.join(', ') || m.countNothing();
}
