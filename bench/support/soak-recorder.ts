import { USER_ERROR_CODES } from '../../apps/api/common/user-error.js';
import { formatTable, summarize } from './stats.js';

/** The codes README documents ("Using the API"); any other outcome fails the soak. */
const DOCUMENTED_CODES = new Set<string>([...USER_ERROR_CODES, 'GRAPHQL_VALIDATION_FAILED']);

/** A GraphQL answer with errors, thrown so the caller may retry or give up; `code` is extensions.code or a transport label. */
export class SoakCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Every call's latency per operation and every error per code, as the clients saw them. */
export class SoakRecorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly errors = new Map<string, { count: number; example: string }>();

  /** POSTs one operation to `url` and records it under `operation`; resolves `data` or throws a SoakCallError. */
  async call<T>(url: string, token: string, operation: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      try {
        body = JSON.parse(text);
      } catch {
        throw new SoakCallError(`HTTP_${response.status}`, text.slice(0, 200));
      }
      const [error] = body.errors ?? [];
      if (error) throw new SoakCallError(error.extensions?.code ?? 'NO_CODE', error.message);
      return body.data as T;
    } catch (error) {
      const failure = error instanceof SoakCallError ? error : new SoakCallError('NETWORK', (error as Error).message);
      this.recordError(operation, failure);
      throw failure;
    } finally {
      this.recordLatency(operation, performance.now() - started);
    }
  }

  recordLatency(operation: string, ms: number): void {
    const sample = this.latencies.get(operation) ?? [];
    sample.push(ms);
    this.latencies.set(operation, sample);
  }

  recordError(operation: string, error: SoakCallError): void {
    const key = `${operation} ${error.code}`;
    const seen = this.errors.get(key) ?? { count: 0, example: error.message };
    seen.count += 1;
    this.errors.set(key, seen);
  }

  /** The errors whose code is not documented, e.g. INTERNAL_SERVER_ERROR, HTTP_500 or NETWORK. */
  undocumentedErrors(): string[] {
    return [...this.errors.keys()].filter((key) => !DOCUMENTED_CODES.has(key.split(' ')[1]));
  }

  latencyTable(): string {
    const rows = [...this.latencies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, sample]) => {
        const { count, p50, p99, max } = summarize(sample);
        return [operation, count, Math.round(p50), Math.round(p99), Math.round(max)];
      });
    return formatTable(['operation (every attempt)', 'n', 'p50 ms', 'p99 ms', 'max ms'], rows);
  }

  errorTable(): string {
    if (this.errors.size === 0) return 'errors: none';
    const rows = [...this.errors.entries()].map(([key, { count, example }]) => {
      const [operation, code] = key.split(' ');
      return [operation, code, DOCUMENTED_CODES.has(code) ? 'yes' : 'NO', count, example.slice(0, 100)];
    });
    return formatTable(['operation', 'code', 'documented', 'n', 'example'], rows);
  }
}
