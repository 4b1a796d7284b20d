// The text half of ops.logging: which files it reads, and the cheap test that
// a file names a file-logging API before it is parsed. Pure, so the scan pool
// may run the test in a worker thread.

import { NON_PRODUCT_PATH } from './project.js';

/** Tests and docs: their logging is not the service's. */
const NOT_APP = /(^|\/)(tests?|__tests__|spec|docs|examples?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$/;

/** The files ops.logging reads (the first MAX_LOGGING_FILES of them). */
export function isLoggingCandidate(path: string): boolean {
  return loggingFileKind(path) !== undefined && !NOT_APP.test(path) && !NON_PRODUCT_PATH.test(path);
}

/** The file kinds ops.logging reads: Python, JS/TS (not declarations), and configuration files named for logging. */
export function loggingFileKind(path: string): 'python' | 'js' | 'config' | undefined {
  if (path.endsWith('.py')) return 'python';
  if (/\.[cm]?[jt]sx?$/.test(path) && !path.endsWith('.d.ts')) return 'js';
  if (/\.(ya?ml|ini|conf|cfg|json|toml)$/.test(path) && /log/i.test(path)) return 'config';
  return undefined;
}

/** Python's FileHandler/basicConfig, winston's File transport, pino's destination, Node's write streams. */
export const MENTIONS_FILE_LOGGING = /FileHandler|basicConfig|transports\.File|destination|createWriteStream/;
