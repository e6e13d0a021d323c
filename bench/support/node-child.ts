import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A system process (API or worker) the soak runs as a child, so its memory is its own and it can be restarted. */
export interface NodeChild {
  name: string;
  pid: number;
  /** Settles with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Sends the signal (SIGTERM: the process shuts down cleanly) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  /** Resident set size now, from /proc (Linux), in bytes; 0 once it exited. */
  rss(): number;
}

/**
 * Starts `node script` with `env` added to this process's environment and waits until a line of its output matches
 * `ready`; its error output is echoed with its name in front, so a failure during the soak is seen.
 */
export async function startNodeChild(name: string, script: string, env: Record<string, string>, ready: RegExp): Promise<NodeChild> {
  // BENCH_CHILD_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the children: NODE_OPTIONS refuses --cpu-prof.
  const nodeArgs = process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  createInterface({ input: child.stderr }).on('line', (line) => console.error(`[${name}] ${line}`));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => ready.test(line) && resolve());
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
  });
  const pid = child.pid!;
  return {
    name,
    pid,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    rss: () => residentBytes(pid),
  };
}

function residentBytes(pid: number): number {
  try {
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kib ?? 0) * 1024;
  } catch {
    return 0; // the process is gone
  }
}
