/**
 * What counts as a phone for keeping the recovery key apart: a coarse pointer (a finger), or a
 * narrow screen. Tablets hold the data just as phones do; a desktop window made narrow loses
 * little by being treated as a phone (no "Save as a file").
 */
export const PHONE_QUERY = '(pointer: coarse), (max-width: 600px)';
