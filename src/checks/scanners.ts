// The pure text scanners a worker thread may run for the checks (see
// src/repo/scan-pool.ts). The worker finds a scanner by its name here, and the
// checks pass the same object, so the main-thread fallback and the worker run
// one function.

import type { Scanner } from '../repo/scan-pool.js';
import { isComposeFile, isQuotedLiteralSource, sourceLanguage } from '../repo/classify.js';
import { isScannedForSecrets, isTranslationCatalogue, scanForSecrets, type SecretScan } from './secrets/rules.js';
import { backupCommands, isSearchedForBackups } from './ops/backup-commands.js';
import { isLoggingCandidate, MENTIONS_FILE_LOGGING } from './ops/logging-apis.js';
import { isWebAppCandidate, MENTIONS_WEB_FRAMEWORK } from './python/frameworks.js';
import { elixirFallbacks, isElixirCode, jsFallbacks, pythonFallbacks, type LiteralFallback } from '../parse/fallbacks.js';
import { findComposeVariables, findEnvUsages, type EnvUsage } from '../parse/env-usage.js';
import { MAY_HOLD_PASSWORD, mayHoldSeed, seededAccounts, type Seeded } from './secrets/seeded-accounts.js';

/** secrets.hardcoded's rules over one file; code files need a quoted literal for the generic rule. */
export const secretScanner: Scanner<SecretScan> = {
  name: 'secrets',
  wants: isScannedForSecrets,
  run: (text, path) => {
    const filtered: Record<string, number> = {};
    const hits = scanForSecrets(text, { code: isQuotedLiteralSource(path), translations: isTranslationCatalogue(path), filtered });
    return { hits, filtered };
  },
};

/** ops.backup: the first backup and restore command lines of a file. */
export const backupCommandScanner: Scanner<{ backup?: number; restore?: number }> = {
  name: 'backup-commands',
  wants: (path) => isSearchedForBackups(path, 0),
  run: backupCommands,
};

/** secrets.weak-default: Python, JS/TS and Elixir reads of a variable with a literal fallback. */
export const literalFallbackScanner: Scanner<LiteralFallback[]> = {
  name: 'literal-fallbacks',
  wants: hasLiteralFallbacks,
  run: (text, path) => (isElixirCode(path) ? elixirFallbacks(text) : sourceLanguage(path) === 'python' ? pythonFallbacks(text) : jsFallbacks(text)),
};

/** Source files whose environment reads with a literal fallback the scanner above finds. */
export function hasLiteralFallbacks(path: string): boolean {
  const language = sourceLanguage(path);
  return language === 'python' || language === 'js' || isElixirCode(path);
}

/** The env checks: variables a source file (by its language) or a compose file reads. */
export const envUsageScanner: Scanner<EnvUsage[]> = {
  name: 'env-usage',
  wants: (path) => sourceLanguage(path) !== undefined || isComposeFile(path),
  run: (text, path) => {
    const language = sourceLanguage(path);
    return language ? findEnvUsages(text, language) : findComposeVariables(text);
  },
};

/** Python web apps (src/checks/python/apps.ts): whether a module names Flask, FastAPI, Starlette or Quart, before it is parsed. */
export const webFrameworkScanner: Scanner<boolean> = {
  name: 'web-framework',
  wants: isWebAppCandidate,
  run: (text) => MENTIONS_WEB_FRAMEWORK.test(text),
};

/** ops.logging: whether a file names a file-logging API, before it is parsed. */
export const fileLoggingScanner: Scanner<boolean> = {
  name: 'file-logging',
  wants: isLoggingCandidate,
  run: (text) => MENTIONS_FILE_LOGGING.test(text),
};

/** secrets.default-account: admin-like or first accounts whose password a source or data file fixes. */
export const seededAccountScanner: Scanner<Seeded[]> = {
  name: 'seeded-accounts',
  wants: mayHoldSeed,
  run: (text, path) => (MAY_HOLD_PASSWORD.test(text) ? seededAccounts(path, text) : []),
};

export const SCANNERS: ReadonlyMap<string, Scanner<unknown>> = new Map([secretScanner, backupCommandScanner, literalFallbackScanner, envUsageScanner, webFrameworkScanner, fileLoggingScanner, seededAccountScanner].map((s) => [s.name, s as Scanner<unknown>]));
