#!/usr/bin/env node
// `npm run bench`: every benchmark, each against a baseline measured in the same run.
//  1. Vitest benchmarks (src/**/*.bench.ts), their own output printed as they run;
//  2. browser benchmarks (bench/browser/*.bench.ts, Playwright with the tests' Chromium) against
//     the production build and a bare SvelteKit page built with the same toolchain
//     (bench/baseline-app), both served from copies in a temporary directory;
//  3. a summary table: figure, baseline, ratio, target, pass/fail.
// Not part of `npm test`. Outputs go to bench/.out/ (ignored).
// BENCH_RUNS sets the cold-start runs per app (default 9); BENCH_SKIP_VITEST=1 skips step 1.
// The relay's step: see server/bench/relay.bench.ts.
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../bench/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', '.out');
const results = join(out, 'results');
const tmp = mkdtempSync(join(tmpdir(), 'stedsans-bench-'));
const failures = [];

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function heading(text) {
	console.log(`\n\x1b[1m== ${text}\x1b[0m`);
}

/** Runs a command; its output is shown (inherit) or kept and shown only when it fails (quiet). */
function run(label, command, args, { cwd = root, env = {}, quiet = false } = {}) {
	const started = Date.now();
	const r = spawnSync(command, args, {
		cwd,
		env: { ...process.env, ...env },
		stdio: quiet ? 'pipe' : 'inherit',
		encoding: 'utf8'
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (r.status !== 0) {
		if (quiet) console.log(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
		console.log(`✘ ${label} failed (exit ${r.status}) after ${seconds} s`);
		failures.push(label);
		return false;
	}
	console.log(`✓ ${label} (${seconds} s)`);
	return true;
}

/**
 * Like run(), but without blocking this process: the static servers for the browser benchmarks
 * live in this process and must keep answering while Playwright runs.
 */
function runAsync(label, command, args, { env = {} } = {}) {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: root,
			env: { ...process.env, ...env },
			stdio: 'inherit'
		});
		child.on('close', (status) => {
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			if (status === 0) console.log(`✓ ${label} (${seconds} s)`);
			else {
				console.log(`✘ ${label} failed (exit ${status}) after ${seconds} s`);
				failures.push(label);
			}
			resolve(status === 0);
		});
	});
}

const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const vitestJson = join(out, 'vitest.json');

try {
	// 1. Vitest benchmarks.
	if (!process.env.BENCH_SKIP_VITEST) {
		heading('Vitest benchmarks (src/**/*.bench.ts)');
		run('message catalogue', 'npm', ['run', '--silent', 'i18n'], { quiet: true });
		rmSync(vitestJson, { force: true });
		run('vitest bench', 'npx', ['vitest', 'bench', '--run', '--outputJson', vitestJson]);
	}

	// 1b. The team relay (server/bench/relay.bench.ts), on loopback. BENCH_SKIP_RELAY=1 skips it.
	if (!process.env.BENCH_SKIP_RELAY) {
		heading('Relay benchmarks (server/bench)');
		run('relay benchmarks', process.execPath, ['--import', 'tsx', 'server/bench/relay.bench.ts'], {
			env: { TSX_TSCONFIG_PATH: join(root, 'server', 'tsconfig.json') }
		});
	}

	// 2. Browser benchmarks against fresh builds of the app and the baseline.
	heading('Builds');
	run('message catalogue', 'npm', ['run', '--silent', 'i18n'], { quiet: true });
	const appDir = join(tmp, 'app');
	const baselineDir = join(tmp, 'baseline');
	const built =
		run('vite build (the app)', process.execPath, [vite, 'build'], { quiet: true }) &&
		run('vite build (bench/baseline-app)', process.execPath, [vite, 'build'], {
			cwd: join(root, 'bench', 'baseline-app'),
			env: { BASELINE_OUT: baselineDir },
			quiet: true
		});
	if (built) {
		// A copy, so another rebuild of build/ cannot change the app under the benchmark.
		cpSync(join(root, 'build'), appDir, { recursive: true });
		const app = await serve(appDir);
		const baseline = await serve(baselineDir);
		heading(`Browser benchmarks (app ${app.origin}, baseline ${baseline.origin})`);
		await runAsync(
			'playwright benchmarks',
			'npx',
			['playwright', 'test', '-c', 'bench/playwright.config.ts'],
			{
				env: { BENCH_APP_URL: app.origin, BENCH_BASELINE_URL: baseline.origin }
			}
		);
		app.server.close();
		baseline.server.close();
	}
} finally {
	rmSync(tmp, { recursive: true, force: true });
}

// 3. The summary.
const rows = [];
const fmt = (n, unit) =>
	n === null || n === undefined || Number.isNaN(n)
		? '—'
		: `${n >= 100 ? Math.round(n) : Math.round(n * 100) / 100} ${unit}`;

for (const file of existsSync(results) ? readdirSync(results).sort() : []) {
	const r = JSON.parse(readFileSync(join(results, file), 'utf8'));
	rows.push({
		figure: r.figure,
		value: fmt(r.value, r.unit),
		baseline: fmt(r.baseline, r.unit),
		ratio: r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : '—',
		target: r.target,
		result: r.pass ? 'pass' : 'FAIL',
		notes: r.notes ?? ''
	});
}

if (!process.env.BENCH_SKIP_VITEST && existsSync(vitestJson)) {
	const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
	for (const file of report.files ?? []) {
		for (const group of file.groups ?? []) {
			const title = group.fullName.split(' > ').slice(1).join(' > ') || group.fullName;
			const target = /\(target ([^)]+)\)/.exec(title)?.[1] ?? '';
			const base = group.benchmarks.find((b) => /^(baseline|floor)\b/i.test(b.name));
			for (const b of group.benchmarks) {
				if (b === base) continue;
				rows.push({
					figure: `${title.replace(/\s*\(target [^)]+\)/, '')}: ${b.name}`,
					value: fmt(b.mean, 'ms'),
					baseline: base ? fmt(base.mean, 'ms') : '—',
					ratio: base ? `${(b.mean / base.mean).toFixed(2)}×` : '—',
					target,
					result: judge(target, b, base),
					notes: 'vitest, mean'
				});
			}
		}
	}
}

/**
 * Pass/fail for targets of the form "≤ 2 s", "≤ 50 ms" (mean), "p95 ≤ 50 ms" (p99 stands in),
 * or "≤ 3× + 50 ms" (mean against the group's baseline, with a constant for noise).
 */
function judge(target, b, base) {
	const ratio = /^≤\s*([\d.,]+)\s*×(?:\s*\+\s*([\d.,]+)\s*ms)?$/.exec(target.trim());
	if (ratio && base) {
		const limit = Number(ratio[1].replace(',', '.')) * base.mean + Number(ratio[2] ?? 0);
		return b.mean <= limit ? 'pass' : 'FAIL';
	}
	const m = /^(p95\s*)?≤\s*([\d.,]+)\s*(ms|s)$/.exec(target.trim());
	if (!m) return '—';
	const limit = Number(m[2].replace(',', '.')) * (m[3] === 's' ? 1000 : 1);
	const figure = m[1] ? b.p99 : b.mean;
	return (figure <= limit ? 'pass' : 'FAIL') + (m[1] ? ' (p99)' : '');
}

heading('Summary');
if (rows.length === 0) console.log('No results.');
else {
	const cols = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
	const names = {
		figure: 'Figure',
		value: 'Value',
		baseline: 'Baseline',
		ratio: 'Ratio',
		target: 'Target',
		result: 'Result'
	};
	const width = Object.fromEntries(
		cols.map((c) => [
			c,
			Math.min(
				c === 'figure' ? 70 : 30,
				Math.max(names[c].length, ...rows.map((r) => String(r[c]).length))
			)
		])
	);
	const cut = (s, w) => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w));
	const line = (r) => cols.map((c) => cut(String(r[c]), width[c])).join('  ');
	console.log(line(names));
	console.log(cols.map((c) => '─'.repeat(width[c])).join('  '));
	for (const r of rows) console.log(line(r));
	for (const r of rows.filter((r) => r.notes && !r.notes.startsWith('vitest')))
		console.log(`  ${r.figure}: ${r.notes}`);
}
if (failures.length) {
	console.log(`\nSteps that failed: ${failures.join(', ')}`);
	process.exit(1);
}
