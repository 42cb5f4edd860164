/**
 * Structured logs: one JSON object per line. Callers pass only what they choose (route, status,
 * counts, sizes, durations, pseudonymous team and device ids): never a body, a key, an envelope
 * id or a header value, so a log shipped elsewhere holds nothing of the team's work.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Logger = (level: 'info' | 'warn' | 'error', msg: string, fields?: LogFields) => void;

export function jsonLogger(write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
	return (level, msg, fields = {}) =>
		write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
}

export const silentLogger: Logger = () => undefined;
