import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The layers (ARCHITECTURE.md): routes → components, map, editor → features, i18n → db, workers,
// crypto → domain. Each layer's block names what it must not import; nothing points back up.
// Cross-folder imports in src/lib use `$lib/…` (a relative `../` leaving the folder is refused),
// so the patterns below see every one. Tests and benchmarks may import across layers.
const UP = {
	app: ['**/routes/**'],
	components: [
		'$lib/components',
		'$lib/components/*',
		'$lib/map',
		'$lib/map/*',
		'$lib/editor',
		'$lib/editor/*'
	],
	features: ['$lib/features', '$lib/features/*', '$lib/i18n', '$lib/i18n/*'],
	db: ['$lib/db', '$lib/db/*']
};
const TESTING = ['$lib/testing', '$lib/testing/*'];
const layer = (files, groups, message, extra = {}) => ({
	files,
	ignores: ['**/*.test.ts', '**/*.bench.ts'],
	rules: {
		'@typescript-eslint/no-restricted-imports': [
			'error',
			{
				paths: extra.paths ?? [],
				patterns: [
					{ group: TESTING, message: 'Test fixtures are for tests and benchmarks only.' },
					{ group: groups, message },
					...(extra.patterns ?? [])
				]
			}
		],
		...extra.rules
	}
});
const NO_DB_VALUES = {
	group: UP.db,
	allowTypeImports: true,
	message:
		'Screens and components read and write through a feature service (types may come from db/).'
};
const NO_PARENT = {
	group: ['../*'],
	message: 'Import another folder of src/lib by its $lib path.'
};
const layers = [
	layer(['src/routes/**'], ['dexie'], 'Screens use the database through a feature.', {
		patterns: [NO_DB_VALUES]
	}),
	layer(
		['src/lib/components/**', 'src/lib/map/**', 'src/lib/editor/**'],
		[...UP.app, 'dexie'],
		'Components import no screen and no database.',
		{ patterns: [NO_DB_VALUES, NO_PARENT] }
	),
	layer(
		['src/lib/features/**', 'src/lib/i18n/**'],
		[...UP.app, ...UP.components],
		'Features and message helpers import no screen and no component.',
		{ patterns: [NO_PARENT] }
	),
	// Runes state reads rows through db/*.queries.ts and live-query.ts, never Dexie or db() itself.
	layer(
		['src/lib/features/**/*.svelte.ts'],
		[...UP.app, ...UP.components, 'dexie'],
		'State imports no screen, no component and no Dexie (db/*.queries.ts has the reads).',
		{
			patterns: [NO_PARENT],
			paths: [
				{
					name: '$lib/db/workspace',
					importNames: ['db'],
					message: 'State reads rows through db/*.queries.ts, not the Dexie instance.'
				}
			]
		}
	),
	layer(
		['src/lib/db/**', 'src/lib/workers/**'],
		[...UP.app, ...UP.components, ...UP.features],
		'The data layer imports nothing above it (features, i18n, components, screens).',
		{ patterns: [NO_PARENT] }
	),
	layer(
		['src/lib/crypto/**'],
		[...UP.app, ...UP.components, ...UP.features, ...UP.db, 'dexie'],
		'Crypto imports no database and nothing above it.',
		{ patterns: [NO_PARENT] }
	),
	layer(
		['src/lib/domain/**'],
		[
			'$lib/*',
			'!$lib/domain',
			'!$lib/domain/*',
			'../../*',
			'svelte',
			'svelte/*',
			'$app/*',
			'dexie',
			'maplibre-gl',
			'maplibre-gl/*'
		],
		'The domain is pure TypeScript: it imports nothing of ours outside domain/ and no Svelte, Dexie or MapLibre.',
		{
			rules: {
				'no-restricted-globals': [
					'error',
					...['window', 'document', 'navigator', 'localStorage', 'indexedDB'].map((name) => ({
						name,
						message: 'The domain runs in node and in workers: no DOM.'
					}))
				]
			}
		}
	)
];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'project.inlang/',
			'bench/.out/',
			'bench/baseline-app/',
			'server/dist/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' }
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		// playwright.config.ts: tests/dbg imports it, so the project service already holds it and the
		// default project below then refuses it ("included by allowDefaultProject but also found").
		ignores: ['bench/**', 'playwright.config.ts'],
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['playwright.config.ts', 'scripts/*.ts'] },
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			],
			'no-undef': 'off',
			// Large data is kept in $state.raw and replaced whole (docs/conventions.md, state); a plain Map
			// built and then assigned is the intended pattern, not a missed SvelteMap.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	...layers
);
