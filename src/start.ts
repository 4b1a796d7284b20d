// The app the Action starts itself (`start`, `wait-for`), as start-server-and-test and wait-on do: a command run in
// the background with its output kept in a log file (a command that exits 0, such as `docker compose up -d`, has
// handed the app over and is waited past), the URL polled with backoff until it answers (any HTTP response
// below 500: a 404 is a server that is up, a 502 a proxy whose upstream is not), and the process group stopped after
// the audit. A command that exits before the URL answers, or a URL that does not answer by the deadline, is an
// error that carries the last lines of the log.

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from './core/errors.js';
import { HttpClient } from './http/client.js';

export interface StartOptions {
  /** A shell command, run with `sh -c` in `cwd`. */
  command?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The URL to poll until it answers; none: the command is started and not waited for. */
  waitFor?: string;
  timeoutMs: number;
  /** Where the command's stdout and stderr go. */
  logFile: string;
}

/** The error of a start: the message (one line) and the last lines of the command's log. */
export class StartError extends UsageError {
  constructor(
    message: string,
    readonly logTail: string,
  ) {
    super(message);
  }
}

export interface StartedApp {
  /** Stops the process group (SIGTERM, then SIGKILL after STOP_GRACE_MS); its exit code and whole log (bounded). */
  stop(): Promise<{ exit: string; log: string }>;
}

// Backoff between polls: from FIRST_POLL_MS, doubling up to MAX_POLL_MS (wait-on's and start-server-and-test's scale).
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 4000;
// One poll's own time limit: a server that accepts and never answers must not hold the wait past its deadline.
const POLL_TIMEOUT_MS = 5000;
const STOP_GRACE_MS = 5000;
const TAIL_LINES = 20;
// What is read back of a log: a chatty app must not fill the job's log or the runner's memory.
const MAX_LOG_BYTES = 256 * 1024;

/** The last `TAIL_LINES` lines of the log. */
export function tailOf(log: string, lines = TAIL_LINES): string {
  return log.trimEnd().split('\n').slice(-lines).join('\n');
}

function readLog(path: string): string {
  try {
    const size = statSync(path).size;
    const text = readFileSync(path, 'utf8');
    return size > MAX_LOG_BYTES ? `[…first ${size - MAX_LOG_BYTES} bytes left out]\n${text.slice(-MAX_LOG_BYTES)}` : text;
  } catch {
    return '';
  }
}

function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

/** Starts `command` (when given), then waits for `waitFor` (when given). */
export async function startApp(options: StartOptions): Promise<StartedApp> {
  let child: ChildProcess | undefined;
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolve) => {
    if (!options.command) return resolve();
    const log = openSync(options.logFile, 'a');
    // Its own process group, so stopping it stops what it started (npm start -> node).
    child = spawn('/bin/sh', ['-c', options.command], { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log], detached: true });
    closeSync(log);
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.once('error', () => {
      exited = { code: null, signal: null };
      resolve();
    });
  });

  const stop = async (): Promise<{ exit: string; log: string }> => {
    if (child?.pid !== undefined && !exited) {
      const group = -child.pid;
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(group, name);
        } catch {
          // Already gone.
        }
      };
      signal('SIGTERM');
      if (!(await Promise.race([exit.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]))) {
        signal('SIGKILL');
        await exit;
      }
    }
    return { exit: exited ? describeExit(exited) : 'was not started', log: options.command ? readLog(options.logFile) : '' };
  };

  if (!options.waitFor) return { stop };
  const what = options.command ? `\`${options.command}\`` : 'the app';
  const deadline = Date.now() + options.timeoutMs;
  const http = HttpClient.create({
    connectTimeoutMs: POLL_TIMEOUT_MS,
    timeoutMs: POLL_TIMEOUT_MS,
    maxBodyBytes: 1024,
    // Bounded by the deadline: a poll at most every FIRST_POLL_MS.
    maxRequests: Math.ceil(options.timeoutMs / FIRST_POLL_MS) + 2,
    maxRedirects: 0,
  });
  try {
    for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
      // A command that exits 0 has handed the app over (`docker compose up -d`): keep waiting for the URL.
      if (exited && exited.code !== 0) {
        const { log } = await stop();
        throw new StartError(`start: ${what} ${describeExit(exited)} before ${options.waitFor} answered`, tailOf(log));
      }
      const result = await http.send({ url: options.waitFor, method: 'GET' });
      if (result.ok && result.response.status < 500) return { stop };
      const left = deadline - Date.now();
      if (left <= 0) {
        const { log } = await stop();
        const last = result.ok ? `the last answer was ${result.response.status}` : `the last attempt: ${result.error.message}`;
        throw new StartError(`start: ${options.waitFor} did not answer within ${Math.round(options.timeoutMs / 1000)} s (wait-timeout; ${last})`, tailOf(log));
      }
      // Wakes early when the command exits: no need to sleep through a crash.
      await (exited ? sleep(Math.min(wait, left)) : Promise.race([sleep(Math.min(wait, left)), exit]));
    }
  } finally {
    await http.close();
  }
}
