export * from './equal';
export * from './merge';
export * from './package';
export * from './resolve';
