// What the sandbox process gets from its parent, and how everything it started is ended.
//
// Environment: only what a runtime needs (an allowlist: search path, home, locale, time zone, temporary folder, and
// on Windows the system folders), never the editor's whole environment (cloud or CI credentials, tokens), plus a
// random marker that its descendants inherit.
//
// Ending: the sandbox leads its own process group, so killing the group ends it and every child that stayed in
// the group. A descendant that left the group (setsid, a detached spawn, a double fork) is found on Linux through
// /proc: by its parent chain while that exists, by the marker in its environment, and by the session or group of
// any process already found. Not guaranteed: a descendant that both clears its environment and detaches from its
// parent before the scan (e.g. `env -i setsid ...`), and anything on systems without /proc (macOS: the group only;
// Windows: the process tree through taskkill).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';

/** Name of the environment variable every process started for a check inherits. */
export const MARKER_VARIABLE = 'INTERVIEW_DRILLS_SANDBOX';

const ENV_ALLOWLIST = new Set(
  [
    'PATH', 'HOME', 'USERPROFILE', 'USER', 'USERNAME', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE',
    'LC_MESSAGES', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'TZ', 'TMPDIR', 'TMP', 'TEMP', 'SYSTEMROOT',
    'WINDIR', 'COMSPEC', 'PATHEXT', 'SYSTEMDRIVE',
  ].map((n) => n.toUpperCase()),
);

export function newMarker(): string {
  return randomBytes(12).toString('hex');
}

/** The sandbox's environment: the allowlisted variables of `source` (names compared case-insensitively), the marker. */
export function sandboxEnvironment(marker: string, source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && ENV_ALLOWLIST.has(name.toUpperCase())) env[name] = value;
  }
  return { ...env, ELECTRON_RUN_AS_NODE: '1', FORCE_COLOR: '0', NO_COLOR: '1', [MARKER_VARIABLE]: marker };
}

interface ProcInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
}

function readProcesses(): ProcInfo[] {
  const list: ProcInfo[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return list;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command name: state, ppid, pgrp, session, ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      list.push({ pid: Number(entry), ppid: Number(fields[1]), pgrp: Number(fields[2]), session: Number(fields[3]) });
    } catch {
      // Gone meanwhile.
    }
  }
  return list;
}

function hasMarker(pid: number, needle: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(needle);
  } catch {
    return false;
  }
}

/**
 * Live processes that descend from `rootPid` or carry `marker` (Linux; an empty list elsewhere). `rootPid` itself is
 * included while it lives.
 */
export function findDescendants(rootPid: number, marker: string | undefined): number[] {
  if (process.platform !== 'linux') return [];
  const all = readProcesses();
  const found = new Set<number>();
  const needle = marker ? `${MARKER_VARIABLE}=${marker}` : undefined;
  for (const p of all) {
    if (p.pid === rootPid || p.pgrp === rootPid) found.add(p.pid);
    else if (needle && p.pid !== process.pid && hasMarker(p.pid, needle)) found.add(p.pid);
  }
  // Close over parent links, and over the sessions and groups that found processes lead.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (found.has(p.pid) || p.pid === process.pid) continue;
      if (found.has(p.ppid) || found.has(p.session) || found.has(p.pgrp)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  found.delete(process.pid);
  return [...found];
}

/**
 * SIGKILLs every descendant of `rootPid` (found first, while its parent links still exist), the group it leads, and
 * then, for processes forking meanwhile, whatever still carries the marker or shares a found session or group.
 * `rootPid` itself is killed last when it is this process.
 */
export function killDescendants(rootPid: number, marker: string | undefined): void {
  if (process.platform === 'win32') return;
  const kill = (pid: number) => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  for (let round = 0; round < 3; round++) {
    const found = findDescendants(rootPid, marker).filter((pid) => pid !== process.pid && (pid !== rootPid || round === 0));
    for (const pid of found) kill(pid);
    if (round === 0) {
      try {
        if (rootPid !== process.pid) process.kill(-rootPid, 'SIGKILL');
      } catch {
        // No such group (any more).
      }
    } else if (found.length === 0) {
      return;
    }
  }
}
