// Tests kept inside a source file, which no path rule can see: Rust puts a
// file's unit tests in a `#[cfg(test)] mod tests { ... }` at its end, compiled
// only by `cargo test`. What is written there (the token a redaction test
// feeds its regex, a key a signing test uses) never reaches the release
// binary. The same for the test runner's own section of a shared
// configuration file: pytest's `[tool:pytest]` in setup.cfg (the `env =`
// pytest-env sets for the test run), `[pytest]` in tox.ini/pytest.ini,
// `[tool.pytest.ini_options]` in pyproject.toml. Pure: lines in, the test
// lines out.

import type { RoleInfo } from './roles.js';

/**
 * Where a source file's in-file test section starts, as the role its lines
 * have from there on; undefined when it has none. Rust: a `#[cfg(test)]`
 * attribute on a `mod` (the attribute's line, the `mod` within two lines).
 */
export function testSectionOf(path: string, lines: readonly string[]): { from: number; to?: number; role: RoleInfo } | undefined {
  if (PYTEST_CONFIG.test(path)) return pytestSection(lines);
  if (!/\.rs$/.test(path)) return undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*#\[cfg\(test\)\]\s*$/.test(lines[i]!)) continue;
    const next = lines.slice(i + 1, i + 3).find((l) => l.trim() && !/^\s*(#\[|\/\/)/.test(l));
    if (next && /^\s*(pub(\([\w:]+\))?\s+)?mod\s+\w+/.test(next)) {
      return { from: i + 1, role: { role: 'test', reason: `inside the \`#[cfg(test)]\` module at line ${i + 1}, built only by \`cargo test\``, rule: 'content:rust-test-module' } };
    }
  }
  return undefined;
}

const PYTEST_CONFIG = /(^|\/)(setup\.cfg|tox\.ini|pytest\.ini|pyproject\.toml)$/;
const PYTEST_HEADER = /^\s*\[(tool:pytest|pytest|tool\.pytest\.ini_options)\]\s*$/;

/** pytest's section of a shared configuration file: its header line to the line before the next section. */
function pytestSection(lines: readonly string[]): { from: number; to: number; role: RoleInfo } | undefined {
  const start = lines.findIndex((l) => PYTEST_HEADER.test(l));
  if (start < 0) return undefined;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\s*\[[^\]]+\]\s*$/.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  const header = lines[start]!.trim();
  return { from: start + 1, to: end, role: { role: 'test', reason: `in pytest's section (${header}, line ${start + 1}): settings of the test run`, rule: 'content:pytest-section' } };
}
