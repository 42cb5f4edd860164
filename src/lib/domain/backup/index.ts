export * from './format';
export * from './merge';
export * from './workspace';
export * from './reader';
