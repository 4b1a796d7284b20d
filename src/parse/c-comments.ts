// Source text of the C family (Java, Kotlin, C#) with its comments blanked:
// every character of a `//` or `/* */` comment becomes a space, newlines
// stay, so offsets and line numbers are those of the file. String and char
// literals are kept as they are (a URL's `//` in "https://..." is no
// comment), including C# verbatim strings (`@"..."`, doubled quotes) and
// Java/Kotlin text blocks (`"""..."""`). One pass, linear in the text.

export function blankComments(text: string): string {
  const out: string[] = [];
  let i = 0;
  let start = 0;
  const n = text.length;
  const blank = (from: number, to: number): void => {
    const comment = text.slice(from, to);
    out.push(text.slice(start, from), comment.includes('\n') ? comment.split('\n').map((l) => ' '.repeat(l.length)).join('\n') : ' '.repeat(comment.length));
    start = to;
  };
  while (i < n) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const to = end < 0 ? n : end;
      blank(i, to);
      i = to;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const to = end < 0 ? n : end + 2;
      blank(i, to);
      i = to;
    } else if (ch === '"' && text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      i = end < 0 ? n : end + 3;
    } else if (ch === '"' && text[i - 1] === '@') {
      // C# verbatim string: `""` is a quote, no backslash escapes.
      i++;
      while (i < n && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
      i++;
    } else if (ch === '"' || ch === "'") {
      i++;
      while (i < n && text[i] !== ch && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else i++;
  }
  out.push(text.slice(start));
  return out.join('');
}
