/** The relay's limits. Defaults fit a team of up to 30 phones; tests set smaller ones. */
export interface Limits {
	/** Largest request body, bytes. */
	requestBytes: number;
	envelopesPerPush: number;
	/** Largest ciphertext of one envelope, bytes. */
	envelopeBytes: number;
	/** Envelopes per pull page at most (the client may ask for fewer). */
	pullPage: number;
	/** Bytes of ciphertext per pull page, roughly (a page stops after the envelope that passes it). */
	pullPageBytes: number;
	/** Token bucket per device: requests per second, and the burst. */
	ratePerSecond: number;
	rateBurst: number;
	/** Ciphertext bytes a team's log may hold. */
	logBytes: number;
	devicesPerTeam: number;
	/** How far a request's time may be from the relay's clock, ms (also how long nonces are kept). */
	clockWindowMs: number;
}

export const DEFAULT_LIMITS: Limits = {
	requestBytes: 8 * 1024 * 1024,
	envelopesPerPush: 1000,
	envelopeBytes: 1024 * 1024,
	pullPage: 5000,
	pullPageBytes: 4 * 1024 * 1024,
	ratePerSecond: 20,
	rateBurst: 100,
	logBytes: 4 * 1024 * 1024 * 1024,
	devicesPerTeam: 60,
	clockWindowMs: 5 * 60 * 1000
};
