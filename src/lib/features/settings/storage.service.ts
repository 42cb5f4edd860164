export interface StorageStatus {
	supported: boolean;
	persisted: boolean;
	usage: number | null;
	quota: number | null;
}

/** Asks the browser not to evict our data under storage pressure. Chromium decides silently. */
export async function requestPersistence(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

export async function storageStatus(): Promise<StorageStatus> {
	const s = navigator.storage;
	if (!s?.estimate) return { supported: false, persisted: false, usage: null, quota: null };
	const [persisted, estimate] = await Promise.all([s.persisted?.() ?? false, s.estimate()]);
	return {
		supported: true,
		persisted,
		usage: estimate.usage ?? null,
		quota: estimate.quota ?? null
	};
}
