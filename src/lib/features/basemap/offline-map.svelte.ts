import {
	allowOnlineOutside,
	deleteStoredMap,
	importMapFile,
	onlineOutsideAllowed,
	storedMap,
	type StoredMap
} from './basemap.service';
import {
	discardDownload,
	prepareDownload,
	runDownload,
	unfinishedDownload,
	type DownloadJob,
	type DownloadProgress
} from './download.service';

/**
 * Settings → Offline map: the stored map, an import or download under way, and what went wrong.
 * Errors are kept as they were thrown; the section words them (i18n/basemap-messages.ts).
 */
export class OfflineMapState {
	#map = $state.raw<StoredMap | null>(null);
	#outside = $state(false);
	#busy = $state<'import' | 'prepare' | 'download' | null>(null);
	#job = $state.raw<DownloadJob | null>(null);
	#progress = $state.raw<DownloadProgress | null>(null);
	/** A download that a reload or a lost connection stopped part-way. */
	#interrupted = $state.raw<{ job: DownloadJob; done: number } | null>(null);
	#error = $state.raw<unknown>(null);
	#abort: AbortController | null = null;
	#running: Promise<unknown> = Promise.resolve();

	get map() {
		return this.#map;
	}
	get outsideAllowed() {
		return this.#outside;
	}
	get busy() {
		return this.#busy;
	}
	get job() {
		return this.#job;
	}
	get progress() {
		return this.#progress;
	}
	get interrupted() {
		return this.#interrupted;
	}
	get error() {
		return this.#error;
	}

	async load(): Promise<void> {
		[this.#map, this.#outside, this.#interrupted] = await Promise.all([
			storedMap(),
			onlineOutsideAllowed(),
			unfinishedDownload()
		]);
	}

	async #run<T>(
		busy: 'import' | 'prepare' | 'download',
		work: () => Promise<T>
	): Promise<T | null> {
		this.#busy = busy;
		this.#error = null;
		try {
			return await work();
		} catch (e) {
			if (!(e instanceof DOMException && e.name === 'AbortError')) this.#error = e;
			return null;
		} finally {
			this.#busy = null;
			await this.load();
		}
	}

	importFile(file: File): Promise<StoredMap | null> {
		return this.#run('import', () => importMapFile(file));
	}

	/** Reads the basemap's style and TileJSON for the size estimate. */
	async prepare(styleUrl: string): Promise<void> {
		this.#job = await this.#run('prepare', () => prepareDownload(styleUrl));
	}

	/** Starts the prepared download, or resumes the interrupted one. */
	download(job = this.#job ?? this.#interrupted?.job): Promise<StoredMap | null> {
		if (!job) return Promise.resolve(null);
		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		this.#interrupted = null;
		const run = this.#run('download', async () => {
			const map = await runDownload(job, { signal, onProgress: (p) => (this.#progress = p) });
			this.#job = null;
			this.#progress = null;
			return map;
		});
		this.#running = run;
		return run;
	}

	/** Cancel: stops the download and drops the tiles fetched so far. */
	async cancel(): Promise<void> {
		this.#abort?.abort();
		await this.#running;
		this.#job = null;
		this.#progress = null;
		await discardDownload();
		await this.load();
	}

	async discard(): Promise<void> {
		await discardDownload();
		await this.load();
	}

	async remove(): Promise<void> {
		await deleteStoredMap();
		await this.load();
	}

	async setOutsideAllowed(on: boolean): Promise<void> {
		await allowOnlineOutside(on);
		this.#outside = on;
	}
}

/**
 * One for the app: a download goes on while the user is on another screen, and Settings shows
 * it again on return (a second instance would offer to resume a download that is running).
 */
export const offlineMap = new OfflineMapState();
