/** Downloads (CSV, Excel) of lists, and a programme's backup and restore. */
export { contractsExport } from './contracts';
export { exportCounts } from './counts';
export { systemsExport } from './systems';
export {
  downloadResponse,
  exportFormat,
  renderTable,
  tableDownload,
  type ExportFormat
} from './download';
export { loadProgrammeSnapshot, programmeBackupText } from './backup';
export { restoreProgramme, type RestoreSource } from './restore';
export { type BackupParts } from './restore-batches';
