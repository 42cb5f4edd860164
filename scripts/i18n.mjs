#!/usr/bin/env node
// `npm run i18n`: compiles the message catalogue (messages/*/{en,da}.json) into src/lib/paraglide
// with Paraglide's compiler, unless nothing it reads has changed since the last compile. `npm test`
// needs the catalogue in three steps (svelte-check, the unit tests, the build; Paraglide's Vite
// plugin runs in dev only).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'src', 'lib', 'paraglide');
const stamp = join(outdir, '.inputs-sha256');

const hash = createHash('sha256');
const inputs = [
	'project.inlang/settings.json',
	'node_modules/@inlang/paraglide-js/package.json',
	...readdirSync(join(root, 'messages'), { recursive: true })
		.map(String)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => join('messages', f))
];
for (const file of inputs) hash.update(file).update(readFileSync(join(root, file)));
const digest = hash.digest('hex');

if (
	existsSync(join(outdir, 'messages.js')) &&
	existsSync(stamp) &&
	readFileSync(stamp, 'utf8') === digest
) {
	console.log('Message catalogue up to date (src/lib/paraglide).');
	process.exit(0);
}
await compileCatalogue();
writeFileSync(stamp, digest);

/**
 * Paraglide's CLI first loads the messages into the inlang SDK's database, one row at a time:
 * over five minutes for our ~2,200 messages on two cores, against under a second for the
 * compile itself. The catalogue is read here instead with the message-format plugin the
 * project names (its `importFiles`, the same parsing) and handed to Paraglide's `compileProject`
 * as a project whose database answers the one query it asks (`selectBundleNested`: bundles
 * joined to their messages and variants, in id order). The output is the CLI's, file for file.
 */
async function compileCatalogue() {
	const started = performance.now();
	const settings = JSON.parse(readFileSync(join(root, 'project.inlang/settings.json'), 'utf8'));
	const { default: plugin } = await import(pathToFileURL(join(root, settings.modules[0])).href);
	const { compileProject } = await import('@inlang/paraglide-js');
	const files = settings['plugin.inlang.messageFormat'].pathPattern.flatMap((pattern) =>
		settings.locales.map((locale) => ({
			locale,
			name: pattern.replace('{locale}', locale),
			content: new Uint8Array(readFileSync(join(root, pattern.replace('{locale}', locale))))
		}))
	);
	// A key in two files of one language: the SDK kept whichever came last, silently (a place's
	// map was once labelled as a note's). Refused here, naming both files.
	const seen = new Map();
	for (const file of files)
		for (const key of Object.keys(JSON.parse(new TextDecoder().decode(file.content)))) {
			const where = `${key} (${file.locale})`;
			if (seen.has(where)) {
				console.error(`Message ${where} is in both ${seen.get(where)} and ${file.name}.`);
				process.exit(1);
			}
			if (!key.startsWith('$')) seen.set(where, file.name);
		}
	const { bundles, messages, variants } = await plugin.importFiles({ files, settings });
	const rows = [];
	const declarations = new Map(bundles.map((b) => [b.id, b.declarations]));
	const messageId = (bundleId, locale) => `${bundleId}\u0000${locale}`;
	const variantsOf = new Map();
	for (const v of variants) {
		const id = messageId(v.messageBundleId, v.messageLocale);
		variantsOf.set(id, [...(variantsOf.get(id) ?? []), v]);
	}
	for (const message of messages) {
		const id = messageId(message.bundleId, message.locale);
		(variantsOf.get(id) ?? []).forEach((variant, n) =>
			rows.push({
				bundleId: message.bundleId,
				bundleDeclarations: declarations.get(message.bundleId),
				messageId: id,
				messageLocale: message.locale,
				messageSelectors: message.selectors,
				variantId: `${id}\u0000${String(n).padStart(4, '0')}`,
				variantMatches: variant.matches,
				variantPattern: variant.pattern
			})
		);
	}
	const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
	rows.sort(
		(a, b) =>
			order(a.bundleId, b.bundleId) ||
			order(a.messageId, b.messageId) ||
			order(a.variantId, b.variantId)
	);
	const query = {
		leftJoin: () => query,
		select: () => query,
		orderBy: () => query,
		where: () => {
			throw new Error('scripts/i18n.mjs: Paraglide asked for one bundle; compile with the CLI');
		},
		execute: async () => rows
	};
	const project = { settings: { get: async () => settings }, db: { selectFrom: () => query } };
	const output = await compileProject({ project, projectPath: './project.inlang' });
	rmSync(outdir, { recursive: true, force: true });
	for (const [name, content] of Object.entries(output)) {
		mkdirSync(dirname(join(outdir, name)), { recursive: true });
		writeFileSync(join(outdir, name), content);
	}
	const ms = Math.round(performance.now() - started);
	console.log(
		`Message catalogue compiled: ${bundles.length} messages in ${ms} ms (src/lib/paraglide).`
	);
}
