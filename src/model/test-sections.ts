// Tests kept inside a source file, which no path rule can see: Rust puts a
// file's unit tests in a `#[cfg(test)] mod tests { ... }` at its end, compiled
// only by `cargo test`. What is written there (the token a redaction test
// feeds its regex, a key a signing test uses) never reaches the release
// binary. Pure: lines in, the first test line out.

import type { RoleInfo } from './roles.js';

/**
 * Where a source file's in-file test section starts, as the role its lines
 * have from there on; undefined when it has none. Rust: a `#[cfg(test)]`
 * attribute on a `mod` (the attribute's line, the `mod` within two lines).
 */
export function testSectionOf(path: string, lines: readonly string[]): { from: number; role: RoleInfo } | undefined {
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
