import { JSONParser, TokenizerError, TokenParserError } from '@streamparser/json';
import { envelopeVersion, openChunked, type ChunkedHeader } from '$lib/crypto/chunked-envelope';
import { WrongPassphraseError } from '$lib/crypto/errors';
import { deriveSecret, type KdfOptions } from '$lib/crypto/kdf';
import {
	envelopeProblemOf,
	type EnvelopeKind,
	type EnvelopeProblem
} from './export-protection.service';
import { storedTeamKey } from '$lib/features/exchange/team-key.service';

/**
 * Reads an imported file (a backup or a team package) as a stream: a plaintext file straight
 * from `File.stream()`, a chunked envelope (version 2) decrypted a chunk at a time, so neither
 * the file nor its plaintext is ever held whole. An envelope of version 1 (one ciphertext, from
 * before chunking) cannot be opened in parts: the caller reads it whole, as before.
 */

/** A problem found while reading stops the stream; the importer turns it into its result. */
export class ImportStop<P> extends Error {
	override readonly name = 'ImportStop';
	constructor(readonly problem: P) {
		super('The import stopped');
	}
}

export type Streamed =
	{ ok: true; encrypted: boolean } | { ok: 'whole' } | { ok: false; problem: EnvelopeProblem };

async function* chunksOf(blob: Blob): AsyncGenerator<Uint8Array> {
	// A reader loop rather than `for await` on the stream: Safari cannot iterate streams yet.
	const reader = blob.stream().getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

class Refused extends Error {
	constructor(readonly problem: EnvelopeProblem) {
		super(problem.kind);
	}
}

/** Streams the plaintext of `file` into `sink`, decrypting it when it is a chunked envelope. */
export async function streamImport(
	file: Blob,
	kind: EnvelopeKind,
	unlock: { passphrase?: string; kdf?: KdfOptions },
	sink: (plaintext: Uint8Array) => Promise<void>
): Promise<Streamed> {
	const version = envelopeVersion(await file.slice(0, 200).text());
	if (version === null) {
		for await (const bytes of chunksOf(file)) await sink(bytes);
		return { ok: true, encrypted: false };
	}
	if (version === 1) return { ok: 'whole' };
	const keyFor = async (header: ChunkedHeader) => {
		if (header.kind !== kind) throw new Refused({ kind: 'wrong-content' });
		const lock = header.kdf;
		if (lock.alg === 'team-key') {
			const key = await storedTeamKey();
			if (!key) throw new Refused({ kind: 'no-team-key', id: lock.id });
			if (key.id !== lock.id)
				throw new Refused({ kind: 'other-team-key', id: lock.id, mine: key.id });
			return key.secret.slice();
		}
		if (unlock.passphrase === undefined) throw new Refused({ kind: 'encrypted' });
		return deriveSecret(unlock.passphrase, lock, unlock.kdf);
	};
	try {
		await openChunked(chunksOf(file), keyFor, sink);
		return { ok: true, encrypted: true };
	} catch (e) {
		if (e instanceof Refused) return { ok: false, problem: e.problem };
		if (e instanceof WrongPassphraseError)
			return { ok: false, problem: { kind: 'wrong-passphrase' } };
		const problem = envelopeProblemOf(e);
		if (problem) return { ok: false, problem };
		throw e;
	}
}

/** Where a value sits in the document: its keys and indexes from the top. */
export type JsonPath = (string | number)[];

/**
 * A JSON document parsed as its bytes arrive, emitting only the values at `paths` (e.g.
 * `$.records.*.*`: each record) and keeping nothing of what it emitted. `onValue` may throw an
 * ImportStop to end the read.
 */
export class JsonStream {
	#parser: JSONParser;
	#ended = false;

	constructor(paths: string[], onValue: (value: unknown, path: JsonPath) => void) {
		this.#parser = new JSONParser({ paths, keepStack: false });
		this.#parser.onValue = ({ value, key, stack }) => {
			const path = stack.slice(1).map((s) => s.key as string | number);
			if (key !== undefined) path.push(key);
			onValue(value, path);
		};
		this.#parser.onEnd = () => void (this.#ended = true);
	}

	/** Throws a SyntaxError naming the problem when the bytes are not JSON. */
	write(bytes: Uint8Array): void {
		if (this.#ended) {
			if (/\S/.test(new TextDecoder().decode(bytes)))
				throw new SyntaxError('Unexpected data after the end of the document');
			return;
		}
		this.#call(() => this.#parser.write(bytes));
	}

	end(): void {
		if (!this.#ended) this.#call(() => this.#parser.end());
	}

	#call(fn: () => void): void {
		try {
			fn();
		} catch (e) {
			// A document cut short between two values is reported with a plain Error, not one of
			// the parser's own classes (TokenParser.end: "Parser ended in mid-parsing").
			const plain = e instanceof Error && e.constructor === Error;
			if (e instanceof TokenizerError || e instanceof TokenParserError || plain)
				throw new SyntaxError((e as Error).message, { cause: e });
			throw e;
		}
	}
}

/** A record at `$.records.<table>[<index>]`, as the stream hands it over. */
export interface StreamedRecord {
	table: string;
	index: number;
	value: unknown;
}

/** What a streaming import does with what it reads, and how it names the stream's own problems. */
export interface RecordSink<P> {
	/** The header fields' paths and `$.records.*.*`. */
	paths: string[];
	/** The most plaintext bytes the import takes. */
	limit: number;
	tooLarge(bytes: number): P;
	notJson(detail: string): P;
	field(key: string, value: unknown): void;
	/** The records of one chunk of the file, in order; throws an ImportStop to end the read. */
	records(batch: StreamedRecord[]): Promise<void>;
}

/**
 * Streams a backup or a team package (`streamImport`) into a JSON parser that hands its header
 * fields and then its records, a chunk's worth at a time, to `sink`. A problem the sink or the
 * stream finds ends the read and is returned; `whole` means a version-1 envelope.
 */
export async function streamRecords<P>(
	file: Blob,
	kind: EnvelopeKind,
	unlock: { passphrase?: string; kdf?: KdfOptions },
	sink: RecordSink<P>
): Promise<Streamed | { ok: false; problem: P }> {
	const queue: StreamedRecord[] = [];
	const json = new JsonStream(sink.paths, (value, path) => {
		if (path.length === 1) sink.field(String(path[0]), value);
		else queue.push({ table: String(path[1]), index: Number(path[2]), value });
	});
	const feed = (run: () => void) => {
		try {
			run();
		} catch (e) {
			if (e instanceof SyntaxError) throw new ImportStop(sink.notJson(e.message));
			throw e;
		}
	};
	let plainBytes = 0;
	try {
		const streamed = await streamImport(file, kind, unlock, async (chunk) => {
			plainBytes += chunk.length;
			if (plainBytes > sink.limit) throw new ImportStop(sink.tooLarge(plainBytes));
			feed(() => json.write(chunk));
			await sink.records(queue.splice(0));
		});
		if (streamed.ok === true) feed(() => json.end());
		return streamed;
	} catch (e) {
		if (e instanceof ImportStop) return { ok: false, problem: e.problem as P };
		throw e;
	}
}
