export * from './baseline-diff';
export * from './describe';
export * from './comment-text';
