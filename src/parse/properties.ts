// Java `.properties` files as java.util.Properties#load reads them: `key=value`,
// `key: value` or `key value`; `#`/`!` comments; a trailing odd backslash
// continues the line (leading blanks of the next line dropped); `\uXXXX`,
// `\t`, `\n`, `\r`, `\f` escapes, any other escaped character stands for
// itself. Spring Boot (2.4+) splits one file into documents at a line
// `#---` or `!---` (docs.spring.io/spring-boot/reference/features/external-config.html,
// "Working With Multi-Document Files").

export interface PropertyEntry {
  key: string;
  value: string;
  /** 1-based line of the key. */
  line: number;
}

export interface PropertiesFile {
  /** One list per document, in file order. */
  documents: PropertyEntry[][];
}

export function parseProperties(text: string): PropertiesFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const documents: PropertyEntry[][] = [[]];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    const trimmed = first.replace(/^[ \t\f]+/, '');
    if (/^[#!]---\s*$/.test(trimmed)) {
      documents.push([]);
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    const line = i + 1;
    // Parts joined once at the end, each tested on its own: a long run of continuation lines stays linear.
    const parts = [trimmed];
    while (endsWithOddBackslash(parts[parts.length - 1]!)) {
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      if (i + 1 >= lines.length) break;
      parts.push(lines[++i]!.replace(/^[ \t\f]+/, ''));
    }
    const logical = parts.join('');
    const { key, rest } = splitKey(logical);
    documents[documents.length - 1]!.push({ key: unescape(key), value: unescape(rest), line });
  }
  return { documents };
}

function endsWithOddBackslash(s: string): boolean {
  let run = 0;
  while (run < s.length && s[s.length - 1 - run] === '\\') run++;
  return run % 2 === 1;
}

/** The key ends at the first unescaped `=`, `:` or blank; the separator and blanks around it are dropped. */
function splitKey(logical: string): { key: string; rest: string } {
  let i = 0;
  while (i < logical.length) {
    const ch = logical[i]!;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '=' || ch === ':' || ch === ' ' || ch === '\t' || ch === '\f') break;
    i++;
  }
  const key = logical.slice(0, i);
  let rest = logical.slice(i).replace(/^[ \t\f]*/, '');
  if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]*/, '');
  return { key, rest };
}

function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[e] ?? e;
  });
}
