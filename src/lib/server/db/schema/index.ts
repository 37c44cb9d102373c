export * from './users';
export * from './programmes';
export * from './inventory';
export * from './audit';
export * from './roadmap';
