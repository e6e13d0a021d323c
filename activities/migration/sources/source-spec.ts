import type { SourceSystem } from '../../../libs/domain/migration/index.js';

/** Where a run reads from: the export's files (paths the worker can read) and which system wrote them. */
export interface SourceSpec {
  system: SourceSystem;
  files: string[];
  /**
   * Names the source in the id map, so a later run of the same source (a delta) recognises what it imported;
   * defaults to the system's name.
   */
  key?: string;
}

export function sourceKey(spec: SourceSpec): string {
  return spec.key ?? spec.system;
}
