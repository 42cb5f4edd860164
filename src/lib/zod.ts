/**
 * What `import … from 'zod'` resolves to in the app, its workers and the unit tests (an alias in
 * vite.config.ts): Zod itself, set to `jitless` before any schema is parsed. Zod 4 otherwise
 * compiles fast parsers with `new Function`, and under the app's Content Security Policy (no
 * 'unsafe-eval') even its probe for that is reported as a violation. Set here rather than in a
 * client hook, so Zod loads with the first module that validates something, not with the lock
 * screen.
 */
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
