export * from './place';
export * from './search';
export * from './history';
export * from './merge';
export * from './starter';
export * from './institutions';
