/**
 * The relay's benchmarks, on loopback, each against a baseline measured in the same run; called
 * by `npm run bench` (scripts/bench.mjs), which prints the rows it records in its summary.
 * RELAY_BENCH_ENVELOPES (default 1,000,000) and RELAY_BENCH_SECONDS (default 60) shrink them for
 * a quick look.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { notifyBench } from './notify.ts';
import { pullBench } from './pull.ts';

const RESULTS = new URL('../../bench/.out/results/', import.meta.url).pathname;
const envelopes = Number(process.env.RELAY_BENCH_ENVELOPES ?? 1_000_000);
const seconds = Number(process.env.RELAY_BENCH_SECONDS ?? 60);

function record(
	id: string,
	r: {
		figure: string;
		value: number;
		baseline: number;
		unit: string;
		target: string;
		pass: boolean;
		notes?: string;
	}
) {
	mkdirSync(RESULTS, { recursive: true });
	writeFileSync(`${RESULTS}${id}.json`, JSON.stringify(r, null, 2));
	console.log(
		`${r.figure}: ${r.value} ${r.unit} (baseline ${r.baseline} ${r.unit}, ${(r.value / r.baseline).toFixed(2)}×), target ${r.target}: ${r.pass ? 'pass' : 'FAIL'}${r.notes ? ` — ${r.notes}` : ''}`
	);
	return r.pass;
}

let ok = true;
const pull = await pullBench(envelopes, 4350);
ok =
	record('relay-pull', {
		figure: `Relay: a new device pulls ${envelopes.toLocaleString('en')} envelopes (${pull.megabytes} MB)`,
		value: Math.round(pull.viaRelay),
		baseline: Math.round(pull.fromDb),
		unit: 'ms',
		target: '≤ 2× reading the rows from the database',
		pass: pull.viaRelay <= 2 * pull.fromDb,
		notes: 'baseline: the same pages read straight from PGlite in this process'
	}) && ok;

const n = await notifyBench(30, seconds, 4351);
ok =
	record('relay-notify', {
		figure: `Relay: 30 devices push 1/s for ${seconds} s, push → another device notified, p95`,
		value: Math.round(n.p95),
		baseline: Math.round(n.rttP95 * 10) / 10,
		unit: 'ms',
		target: 'p95 ≤ 1 s',
		pass: n.p95 <= 1000 && n.missed === 0,
		notes: `${n.pushes} pushes, median ${Math.round(n.median)} ms, ${n.missed} notifications missed; baseline: GET /health round trip p95`
	}) && ok;
const mb = (b: number) => Math.round(b / 1024 / 1024);
ok =
	record('relay-memory', {
		figure: 'Relay: peak memory (RSS) during the 30-device run',
		value: mb(n.peakMemory),
		baseline: mb(n.idleMemory),
		unit: 'MB',
		target: '< 300 MB',
		pass: n.peakMemory < 300 * 1024 * 1024,
		notes: 'baseline: the relay just started'
	}) && ok;
process.exit(ok ? 0 : 1);
