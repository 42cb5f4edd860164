export { IDENTIFIER_KINDS, type IdentifierHit, type IdentifierKind } from './hits';
export { scanIdentifiers, type ScanOptions } from './scan';
export { PLACEHOLDERS, redact, redactIdentifiers } from './redact';
export { cprBirthDate, cprCentury, passesModulus11 } from './cpr';
export { recordLabel, recordTexts, type RecordLabel, type TextField } from './record-text';
export {
	around,
	countByKind,
	ExportScanner,
	scanFields,
	scanRecord,
	type Finding
} from './findings';
