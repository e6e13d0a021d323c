import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface PrometheusSample {
  /** The sample's own name: `x_total` of counter `x`, `x_bucket` / `x_sum` / `x_count` of histogram `x`. */
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface PrometheusFamily {
  name: string;
  type: string;
  samples: PrometheusSample[];
}

/** A sample as the parser script prints it: the value as Python writes a float (`inf`, `nan` included). */
type ParsedSample = Omit<PrometheusSample, 'value'> & { value: string };

const PARSER = fileURLToPath(new URL('./prometheus-text-to-json.py', import.meta.url));
// Where scripts/setup.sh installs the Prometheus project's Python client (its parser).
const PARSER_PATH = fileURLToPath(new URL('../../.tools/python', import.meta.url));

/** GET a /metrics endpoint and parse its body with the Prometheus text-format parser, which fails on a malformed line. */
export async function scrapeMetrics(url: string): Promise<{ contentType: string | null; samples: PrometheusSample[] }> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  const families = await parsePrometheusText(await response.text());
  return { contentType: response.headers.get('content-type'), samples: families.flatMap((family) => family.samples) };
}

/**
 * The npm parsers lose the labels of histograms (parse-prometheus-text-format folds every series into one), so the
 * Prometheus project's own client parses, in Python.
 */
export function parsePrometheusText(text: string): Promise<PrometheusFamily[]> {
  return new Promise((resolve, reject) => {
    const parser = spawn('python3', [PARSER], { env: { ...process.env, PYTHONPATH: PARSER_PATH } });
    let stdout = '';
    let stderr = '';
    parser.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    parser.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    parser.on('error', reject);
    parser.on('close', (code) => {
      if (code !== 0) return reject(new Error(`The Prometheus parser refused the text: ${stderr.trim().split('\n').pop()}`));
      const families = JSON.parse(stdout) as Array<Omit<PrometheusFamily, 'samples'> & { samples: ParsedSample[] }>;
      resolve(families.map((family) => ({ ...family, samples: family.samples.map((sample) => ({ ...sample, value: pythonFloat(sample.value) })) })));
    });
    parser.stdin.end(text);
  });
}

function pythonFloat(text: string): number {
  return text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text);
}

/** The samples named `name` whose labels include `labels`. */
export function samplesOf(samples: PrometheusSample[], name: string, labels: Record<string, string> = {}): PrometheusSample[] {
  return samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

/** Their values summed (`x_count` of a histogram: its observations); 0 while no such series exists. */
export function valueOf(samples: PrometheusSample[], name: string, labels: Record<string, string> = {}): number {
  return samplesOf(samples, name, labels).reduce((sum, sample) => sum + sample.value, 0);
}

/** A port free right now, for a listener that cannot be asked for port 0 and report back (the Temporal SDK's exporter). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
