// JavaScript/TypeScript source with comments (and, on request, the text of
// string, template and regular-expression literals) blanked out, offsets and
// line breaks kept, so the pattern checks over Node code never match inside a
// comment or a string. Read with the Lezer JavaScript grammar
// (https://lezer.codemirror.net/), which always returns a tree, also for
// broken input, so a regex literal holding a quote (`/'/`) or JSX text
// (`Don't`) no longer derails the rest of the file as a hand-written scanner
// did.

import { parser } from '@lezer/javascript';

/**
 * The grammar dialect for a file: TypeScript for .ts (where `<T>(x) => x` is a
 * generic arrow, not JSX), TypeScript + JSX for .tsx, JavaScript + JSX
 * otherwise (React components in .js files are common).
 */
export function jsDialect(path?: string): string {
  if (path && /\.[cm]?ts$/i.test(path)) return 'ts';
  if (path && /\.tsx$/i.test(path)) return 'ts jsx';
  return 'jsx';
}

const parsers = new Map<string, typeof parser>();
const parserFor = (dialect: string): typeof parser => {
  let p = parsers.get(dialect);
  if (!p) {
    p = parser.configure({ dialect });
    parsers.set(dialect, p);
  }
  return p;
};

const COMMENTS = new Set(['LineComment', 'BlockComment']);
const LITERALS = new Set(['String', 'TemplateString', 'RegExp']);

export function blankJsSource(source: string, options: { strings?: boolean; path?: string } = {}): string {
  const tree = parserFor(jsDialect(options.path)).parse(source);
  const ranges: Array<[number, number]> = [];
  tree.iterate({
    enter(node) {
      if (COMMENTS.has(node.name)) {
        ranges.push([node.from, node.to]);
        return false;
      }
      if (LITERALS.has(node.name)) {
        // Without `strings`, a template's `${...}` is code: its comments are blanked too.
        if (!options.strings) return node.name === 'TemplateString' ? undefined : false;
        // The delimiters stay (quotes, backticks, slashes); a template's `${...}` goes with its text.
        if (node.to - node.from >= 2) ranges.push([node.from + 1, node.name === 'RegExp' ? source.lastIndexOf('/', node.to - 1) : node.to - 1]);
        return false;
      }
      return undefined;
    },
  });
  if (!ranges.length) return source;
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    if (from < at || to <= from) continue;
    out += source.slice(at, from) + source.slice(from, to).replace(/[^\n]/g, ' ');
    at = to;
  }
  return out + source.slice(at);
}
