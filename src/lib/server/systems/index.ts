/** The systems part of a programme's inventory: list, records with audit, restore, matrix. */
export { listSystems, systemFilterOptions, SYSTEMS_PAGE_SIZE } from './list';
export type { SystemListRow } from './list';
export { createSystem, deleteSystem, findSystem, updateSystem } from './records';
export type {
  SystemCreateResult,
  SystemDeleteResult,
  SystemRecord,
  SystemSnapshot,
  SystemWriteResult
} from './records';
export { readSystemForm } from './form';
export { restoreSystem } from './restore';
export type { RestoreSystemResult } from './restore';
export { cachedSystemsMatrix, matrixPage, MATRIX_PAGE_SIZE, systemsMatrix } from './matrix';
export type { MatrixRow, SystemsMatrix, SystemsMatrixPage } from './matrix';
