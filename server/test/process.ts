import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Node's flags for the relay, as `npm run server` gives them: a small young generation (4 MB
 * semi-spaces instead of 16), so garbage from request bodies is collected sooner and the process
 * stays small; the relay keeps little alive between requests.
 */
export const RELAY_NODE_FLAGS = ['--max-semi-space-size=4'];

export interface RelayProcess {
	url: string;
	child: ChildProcess;
	/** Every log line the process wrote, parsed. */
	lines: Record<string, unknown>[];
	/** Peak resident memory so far, bytes (Linux /proc: VmHWM). */
	peakMemory(): number;
	/** Ends it: SIGTERM waits for a clean stop, SIGKILL is a crash. */
	stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `npm run server` as its own process, as an operator would, and waits until it listens. */
export function spawnRelay(options: {
	port: number;
	dataDir?: string;
	databaseUrl?: string;
	args?: string[];
}): Promise<RelayProcess> {
	// The relay as `npm run server` runs it (bundled, then plain Node), without npm in between, so a
	// SIGKILL reaches the relay itself.
	const args = [...RELAY_NODE_FLAGS, 'server/scripts/relay.mjs', '--port', String(options.port)];
	if (options.dataDir) args.push('--data', options.dataDir);
	const child = spawn(process.execPath, [...args, ...(options.args ?? [])], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: options.databaseUrl ?? ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const lines: Record<string, unknown>[] = [];
	let stderr = '';
	child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return new Promise((resolve, reject) => {
		let buffer = '';
		child.stdout!.on('data', (d: Buffer) => {
			buffer += d.toString();
			let nl: number;
			while ((nl = buffer.indexOf('\n')) >= 0) {
				const line = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
				buffer = buffer.slice(nl + 1);
				lines.push(line);
				if (line.msg === 'listening')
					resolve({
						url: line.url as string,
						child,
						lines,
						peakMemory: () => {
							const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
							return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
						},
						async stop(signal = 'SIGTERM') {
							child.kill(signal);
							await exited;
						}
					});
			}
		});
		child.once('exit', (code) =>
			reject(new Error(`The relay exited (${code}) before listening:\n${stderr}`))
		);
	});
}
