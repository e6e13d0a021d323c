import type { MappingProblem } from './run-view';

/** The mapping's issues a refused startMigrationRun names (`extensions.issues`), each with the line to fix. */
export function mappingIssuesOf(extensions: Record<string, unknown> | undefined): MappingProblem[] {
  const issues = extensions?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is MappingProblem => typeof issue?.line === 'number' && typeof issue?.message === 'string' && typeof issue?.path === 'string',
  );
}
