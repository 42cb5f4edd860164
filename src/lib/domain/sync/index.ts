export * from './base64url';
export * from './errors';
export * from './invite';
export * from './protocol';
export * from './signing';
