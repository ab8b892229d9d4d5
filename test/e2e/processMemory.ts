import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of a process from /proc/<pid>/stat, or undefined when it has gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields after its ')' are fixed.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function descendsFrom(pid: number, root: number): boolean {
  for (let p: number | undefined = pid, hops = 0; p && p > 1 && hops < 20; p = parentOf(p), hops++) if (p === root) return true;
  return false;
}

/** Peak and current resident memory (MB) of one process, from /proc/<pid>/status. */
function residentMb(pid: number): { peak: number; now: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(/^\S+:\s+(\d+)/.exec(status.split('\n').find((l) => l.startsWith(`${key}:`)) ?? '')?.[1] ?? NaN);
    return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * The Chromium renderer processes started by this test process (Linux /proc), with their peak
 * and current resident memory in MB; workers run as threads of their page's renderer, so they count.
 */
export function rendererMemory(root = process.pid): { pid: number; peak: number; now: number }[] {
  const out: { pid: number; peak: number; now: number }[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('--type=renderer') || !descendsFrom(pid, root)) continue;
    const mem = residentMb(pid);
    if (mem) out.push({ pid, ...mem });
  }
  return out;
}
