export * from './migration-record.js';
export * from './target-schema.js';
export * from './migration-mapping.js';
export { mapRecord, parseSourceDate, type MapResult } from './map-record.js';
export { readSourcePath } from './source-path.js';
export { missingCsvColumns } from './missing-columns.js';
export * from './migration-phases.js';
export * from './reconciliation.js';
export * from './sample-selection.js';
