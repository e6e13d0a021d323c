import type { DataSource } from 'typeorm';

/** One node of `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`, the fields the benchmarks print. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Plan Rows': number;
  'Parallel Aware'?: boolean;
  'Actual Total Time': number;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Temp Written Blocks'?: number;
  'Sort Method'?: string;
  'Sort Space Used'?: number;
  'Sort Space Type'?: string;
  Strategy?: string;
  'Workers Launched'?: number;
  Plans?: PlanNode[];
}

export interface AnalyzedPlan {
  plan: PlanNode;
  executionMs: number;
  planningMs: number;
  nodes: PlanNode[];
  indexes: string[];
  /** "Seq Scan on ticket_events (estimated 120,394 rows, actual 32,373)", once per scan node (a parallel one's estimate is per process). */
  scans: string[];
  tempWrittenBlocks: number;
}

const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/** Runs the statement under EXPLAIN (ANALYZE, BUFFERS) with its own parameters (a custom plan, as the app gets). */
export async function explainAnalyze(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<AnalyzedPlan> {
  const [{ 'QUERY PLAN': [result] }] = await dataSource.query<
    Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }> }>
  >(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, parameters);
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => (nodes.push(node), node.Plans?.forEach(walk));
  walk(result.Plan);
  return {
    plan: result.Plan,
    executionMs: result['Execution Time'],
    planningMs: result['Planning Time'],
    nodes,
    indexes: [...new Set(nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : [])))],
    scans: nodes
      .filter((node) => node['Node Type'].includes('Scan') && node['Relation Name'])
      .map(
        (node) =>
          `${node['Node Type']} on ${node['Relation Name']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''} ` +
          `(estimated ${thousands(node['Plan Rows'])} rows${node['Parallel Aware'] ? ' per process' : ''}, actual ${thousands(node['Actual Rows'] * node['Actual Loops'])})`,
      ),
    tempWrittenBlocks: nodes.reduce((total, node) => total + (node['Temp Written Blocks'] ?? 0), 0),
  };
}

/** The plan as an indented tree: node, relation, index, rows, time, sort method. */
export function planTree(plan: PlanNode, indent = '  '): string {
  const lines: string[] = [];
  const print = (node: PlanNode, depth: number) => {
    const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
    const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
    const sort = node['Sort Method'] ? ` [${node['Sort Method']}, ${node['Sort Space Used']} kB ${node['Sort Space Type']}]` : '';
    const strategy = node.Strategy ? ` (${node.Strategy})` : '';
    const workers = node['Workers Launched'] !== undefined ? `, ${node['Workers Launched']} workers` : '';
    lines.push(
      `${indent}${'  '.repeat(depth)}${node['Node Type']}${strategy}${on}${using}: rows ${thousands(node['Actual Rows'] * node['Actual Loops'])}, ` +
        `${node['Actual Total Time'].toFixed(1)} ms${sort}${workers}`,
    );
    node.Plans?.forEach((child) => print(child, depth + 1));
  };
  print(plan, 0);
  return lines.join('\n');
}
