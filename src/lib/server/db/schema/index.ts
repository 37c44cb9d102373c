export * from './users';
export * from './programmes';
export * from './inventory';
export * from './audit';
export * from './calendar';
export * from './checks';
export * from './imports';
export * from './roadmap';
