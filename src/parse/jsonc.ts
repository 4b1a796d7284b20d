// JSON as .NET's JSON configuration provider reads appsettings*.json:
// comments (`//`, `/* */`) and trailing commas allowed
// (JsonConfigurationFileParser uses JsonDocumentOptions { CommentHandling = Skip,
// AllowTrailingCommas = true }), a leading BOM ignored. The result is what
// configuration sees: every leaf as a `:`-joined key path with its line
// (arrays by index: `AllowedOrigins:0`), or the first syntax error.

export interface JsonLeaf {
  /** `ConnectionStrings:Default`, as written (configuration keys compare case-insensitively). */
  key: string;
  value: string | number | boolean | null;
  line: number;
}

export type JsoncResult = { ok: true; leaves: JsonLeaf[] } | { ok: false; line: number; message: string };

const MAX_DEPTH = 64;

export function parseJsoncLeaves(text: string): JsoncResult {
  const src = text.replace(/^\uFEFF/, '');
  let pos = 0;
  let line = 1;
  const leaves: JsonLeaf[] = [];
  class JsonError extends Error {}
  const fail = (message: string): never => {
    throw new JsonError(message);
  };
  const skip = (): void => {
    for (;;) {
      const ch = src[pos];
      if (ch === '\n') {
        line++;
        pos++;
      } else if (ch === ' ' || ch === '\t' || ch === '\r') pos++;
      else if (ch === '/' && src[pos + 1] === '/') {
        while (pos < src.length && src[pos] !== '\n') pos++;
      } else if (ch === '/' && src[pos + 1] === '*') {
        const end = src.indexOf('*/', pos + 2);
        if (end < 0) fail('unterminated comment');
        for (let i = pos; i < end; i++) if (src[i] === '\n') line++;
        pos = end + 2;
      } else return;
    }
  };
  // The next character a string must look at: its end, an escape, or a line break (an error).
  const special = /["\\\n]/g;
  const string = (): string => {
    pos++;
    let out = '';
    for (;;) {
      special.lastIndex = pos;
      const stop = special.exec(src)?.index ?? src.length;
      out += src.slice(pos, stop);
      pos = stop;
      const ch = src[pos];
      if (ch === undefined || ch === '\n') fail('unterminated string');
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '\\') {
        const e = src[pos + 1];
        if (e === 'u') {
          const hex = src.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
          continue;
        }
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === undefined || !(e in map)) fail('bad escape');
        out += map[e!];
        pos += 2;
        continue;
      }
      out += ch;
      pos++;
    }
  };
  // After a member or an element: a comma (a trailing one allowed) or the closing bracket.
  const separator = (close: '}' | ']'): void => {
    skip();
    if (src[pos] === ',') {
      pos++;
      skip();
    } else if (src[pos] !== close) fail(`expected ',' or '${close}'`);
  };
  const literal = /true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
  const value = (path: string, depth: number): void => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skip();
    const at = line;
    const ch = src[pos];
    if (ch === '{') {
      pos++;
      skip();
      while (src[pos] !== '}') {
        if (src[pos] !== '"') fail('expected a property name');
        const key = string();
        skip();
        if (src[pos] !== ':') fail("expected ':'");
        pos++;
        value(path ? `${path}:${key}` : key, depth + 1);
        separator('}');
      }
      pos++;
    } else if (ch === '[') {
      pos++;
      skip();
      let index = 0;
      while (src[pos] !== ']') {
        value(`${path}:${index++}`, depth + 1);
        separator(']');
      }
      pos++;
    } else if (ch === '"') leaves.push({ key: path, value: string(), line: at });
    else {
      literal.lastIndex = pos;
      const m = literal.exec(src);
      if (!m) fail(ch === undefined ? 'unexpected end of file' : `unexpected character '${ch}'`);
      const word = m![0];
      pos += word.length;
      leaves.push({ key: path, value: word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word), line: at });
    }
  };
  try {
    value('', 0);
    skip();
    if (pos < src.length) fail('unexpected text after the end');
    return { ok: true, leaves };
  } catch (err) {
    if (err instanceof JsonError) return { ok: false, line, message: err.message };
    throw err;
  }
}
