// Line arithmetic shared by the parsers: offsets to 1-based lines, and the
// last line a finding may point at (a trailing newline does not start a line
// an editor or a GitHub annotation would show).

/** Offsets where each line starts; index 0 is line 1. Of a Buffer, byte offsets (a parser that counts UTF-8 bytes). */
export function lineStartOffsets(text: string | Buffer): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line containing `offset`, by binary search over `lineStartOffsets`. */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The number of lines as `wc -l` counts them, plus a last line without newline; at least 1. */
export function lineCount(text: string): number {
  if (text === '') return 1;
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return text.endsWith('\n') ? Math.max(1, count) : count + 1;
}

/** `line`, moved back onto the last real line (parsers report end-of-file errors one line past it). */
export function clampLine(text: string, line: number): number {
  return Math.max(1, Math.min(line, lineCount(text)));
}
