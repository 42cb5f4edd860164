// Matching control characters is the point of these patterns, hence the lint exceptions.

/** C0 and C1 controls (and DEL): never in a name; they can hide text or break layouts. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** The same, but free text may hold line breaks and tabs. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
