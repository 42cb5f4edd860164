import { z } from 'zod';

// Zod 4 compiles fast parsers with `new Function` unless told not to; under the app's Content
// Security Policy (no 'unsafe-eval') even its probe for that is reported as a violation. Client
// hooks load before any route, so this is set before the first schema is parsed.
z.config({ jitless: true });
