export * from './keys';
export * from './geometry';
export * from './outlines';
export * from './locate';
export * from './boundary-import';
export * from './boundary-record';
export * from './boundary-limits';
