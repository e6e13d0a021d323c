import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// CPU time the PostgreSQL server spent, read from Linux's /proc: the postmaster, its live children (backends, parallel
// workers, background processes) and the children it has reaped (a parallel worker's time lands there when it exits).
// On a machine shared with other work, a query's wall time includes waiting for a core; its CPU time does not, so
// both are printed. Resolution: one clock tick (10 ms), so only sums over many runs are meaningful.

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Fields after the command name of /proc/PID/stat: state, ppid, ..., utime (11), stime (12), cutime (13), cstime (14). */
function statFields(pid: string | number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // exited meanwhile
  }
}

/**
 * A reader of the server's CPU milliseconds so far (cumulative), or null where /proc or the pid file is not there.
 * `dataDir` is the cluster's folder (its postmaster.pid names the server).
 */
export function postgresCpuReader(dataDir: string): (() => number) | null {
  let postmaster: string;
  try {
    postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  } catch {
    return null;
  }
  if (statFields(postmaster) === null) return null;
  return () => {
    const own = statFields(postmaster);
    let ticks = own ? Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]) : 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || entry === postmaster) continue;
      const fields = statFields(entry);
      if (fields && fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * TICK_MS;
  };
}
