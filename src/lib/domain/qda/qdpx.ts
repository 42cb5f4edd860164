import { strToU8, zipSync, type Zippable } from 'fflate';
import type { QdaProject } from './model';

/**
 * The .qdpx file: a ZIP holding `project.qde` at its root (named exactly so: some importers look
 * for no other name, QualCoder #1369) and the plain texts under `Sources/`, each file UTF-8
 * without a byte-order mark. `mtime` is the export's time, stamped on every entry.
 */
export function packQdpx(project: QdaProject, mtime: number): Uint8Array<ArrayBuffer> {
	const files: Zippable = { 'project.qde': strToU8(project.qde) };
	for (const source of project.sources) files[source.path] = strToU8(source.text);
	return zipSync(files, { level: 6, mtime });
}
