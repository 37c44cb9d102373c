export { findCouncil, listCouncils, type CouncilRecord } from './queries';
export { type CouncilWriteResult } from './snapshot';
export { councilDependents, createCouncil, deleteCouncil, updateCouncil } from './writes';
export { restoreCouncil } from './restore';
