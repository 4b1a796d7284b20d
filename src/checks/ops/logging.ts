import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { callsInStatements, calleeName, callsNamed, parsePythonModule, stringLiterals, type PyModule } from '../../parse/python.js';
import { balanced, blankJsComments, lineAt } from '../node/apps.js';
import { isLoggingCandidate, loggingFileKind } from './logging-apis.js';
import { fileLoggingScanner } from '../scanners.js';
import { mapLimited } from '../../repo/limit.js';

/** At most this many source files are read. */
export const MAX_LOGGING_FILES = 3000;

export const logging: RepoCheck = {
  id: 'ops.logging',
  title: 'Log files are rotated',
  category: 'observability',
  severity: 'P2',
  kind: 'repo',
  roles: 'any',
  docs: {
    summary:
      'Fails for logging to a file without rotation: a plain `logging.FileHandler` (in Django LOGGING, dictConfig/fileConfig files or code), `logging.basicConfig(filename=...)`, a winston File transport without maxsize/maxFiles, `pino.destination("*.log")` or a write stream to a .log file, unless the repository ships a logrotate configuration.',
    why: 'An unrotated log file grows until the disk is full, and then the service (and often its database) stops; in containers, file logs are also invisible to `docker logs`/`kubectl logs`.',
    fix: 'Log to stdout/stderr and let the platform collect it; if a file is required, use RotatingFileHandler/TimedRotatingFileHandler (or WatchedFileHandler with logrotate), winston maxsize/maxFiles or winston-daily-rotate-file.',
    snippets: [{ stack: 'Django', code: 'LOGGING = {\n    "version": 1,\n    "handlers": {"console": {"class": "logging.StreamHandler"}},\n    "root": {"handlers": ["console"], "level": "INFO"},\n}' }],
  },
  async run(ctx) {
    const rotatedExternally = ctx.files.files.find((f) => /(^|\/)logrotate(\.d)?(\/|\.conf|$)/.test(f.path))?.path;
    const found: Array<{ path: string; line: number; what: string }> = [];
    // The first MAX_LOGGING_FILES files of these kinds, parsed only when they name a file-logging API (the test may run in a worker thread).
    const candidates = ctx.files.files.filter((f) => isLoggingCandidate(f.path)).slice(0, MAX_LOGGING_FILES);
    const read = candidates.length;
    const mentions = await mapLimited(candidates, ctx.parsed.scanConcurrency, (f) => ctx.parsed.scan(fileLoggingScanner, f.path));
    for (const [i, file] of candidates.entries()) {
      if (!mentions[i]) continue;
      const kind = loggingFileKind(file.path);
      const text = await ctx.files.read(file.path);
      if (!text) continue;
      if (kind === 'python') {
        const module = await ctx.parsed.memo('python', file.path, (t) => parsePythonModule(t));
        if (module) found.push(...pythonFileLogging(module).map((f) => ({ path: file.path, ...f })));
      } else if (kind === 'js') found.push(...jsFileLogging(text).map((f) => ({ path: file.path, ...f })));
      else found.push(...configFileLogging(text).map((f) => ({ path: file.path, ...f })));
    }
    if (!found.length) return [{ status: 'pass', message: `No logging to files without rotation found (read ${read} source/config file(s)).` }];
    if (rotatedExternally) {
      return [{ status: 'pass', message: `Log files are written (${found.map((f) => `${f.path}:${f.line}`).slice(0, 5).join(', ')}) and rotated by the logrotate configuration ${rotatedExternally}.` }];
    }
    return found.map(
      (f): FindingInput => ({
        status: 'fail',
        message: `${f.what} at ${f.path}:${f.line} writes a log file that is never rotated: it grows until the disk is full.`,
        location: { path: f.path, line: f.line },
      }),
    );
  },
};

export function pythonFileLogging(module: PyModule): Array<{ line: number; what: string }> {
  const out: Array<{ line: number; what: string }> = [];
  // dictConfig names handler classes by their full dotted path.
  for (const s of stringLiterals(module)) if (s.value === 'logging.FileHandler') out.push({ line: s.line, what: `Handler class "${s.value}"` });
  for (const call of callsNamed(module, 'FileHandler')) out.push({ line: call.line, what: 'logging.FileHandler(...)' });
  for (const call of callsInStatements(module.statements)) {
    if (calleeName(call) === 'basicConfig' && call.kwargs.filename && !call.kwargs.handlers) out.push({ line: call.line, what: 'logging.basicConfig(filename=...)' });
  }
  return out.sort((a, b) => a.line - b.line);
}

export function jsFileLogging(source: string): Array<{ line: number; what: string }> {
  const code = blankJsComments(source);
  // Calls are looked for outside strings (documentation text mentions them too).
  const structure = blankJsComments(source, { strings: true });
  const out: Array<{ line: number; what: string }> = [];
  for (const m of structure.matchAll(/new\s+(?:winston\.)?transports\.File\s*\(/g)) {
    const args = balanced(code, m.index + m[0].length - 1) ?? '';
    if (!/\bmax(size|Files)\b/.test(args)) out.push({ line: lineAt(code, m.index), what: 'winston File transport without maxsize/maxFiles' });
  }
  for (const m of structure.matchAll(/\b(?:pino\.destination|createWriteStream)\s*\(/g)) {
    const args = balanced(code, m.index + m[0].length - 1) ?? '';
    if (/\.log\b/.test(args)) out.push({ line: lineAt(code, m.index), what: `${m[0].replace(/\s*\($/, '')}(...log file)` });
  }
  return out.sort((a, b) => a.line - b.line);
}

export function configFileLogging(text: string): Array<{ line: number; what: string }> {
  const out: Array<{ line: number; what: string }> = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*["']?class["']?\s*[:=]\s*["']?(logging\.)?FileHandler\b/.test(line)) out.push({ line: i + 1, what: 'Handler class FileHandler' });
  });
  return out;
}
