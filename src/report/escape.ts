// The one place that makes untrusted text (file paths and contents from the
// audited repository, status lines and header values from the audited app,
// finding messages that quote them) safe for each report format. Renderers
// never escape on their own: they call these.
//
// References: CommonMark 0.31 (backslash escapes: any ASCII punctuation;
// code spans: a backtick string of the same length closes, content is not
// parsed, a blank line ends the paragraph), GFM autolinks (`www.`, `http://`),
// GitHub's mention and issue-reference filters (they skip `code` elements),
// and CVE-2021-42574 ("Trojan Source") for the bidirectional controls.

// C0 controls except tab, DEL, C1 controls, line/paragraph separators and the bidirectional overrides/isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

/** Control characters as visible escapes (`\n`, `\e`, `\u202e`): never interpreted, still readable. Tabs become spaces. */
export function visibleControls(text: string): string {
  return text.replace(/\t/g, ' ').replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Untrusted text for the terminal: no escape sequence, carriage return or line feed reaches the screen raw. */
export function terminalText(text: string): string {
  return visibleControls(text);
}

/** Untrusted text inside HTML (an element's content or a quoted attribute). */
export function htmlText(text: string): string {
  return visibleControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Untrusted text as one markdown code span: shown exactly (no zero-width characters, so a copied
 * `postgres:16@sha256:…` digest stays valid), on one line, with a fence longer than any backtick run inside.
 */
export function markdownCode(text: string): string {
  const content = visibleControls(text);
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick (or is only spaces) needs padding, which CommonMark strips.
  const pad = /^`|`$/.test(content) || (/^ +$/.test(content) && content.length > 0) ? ' ' : '';
  return `${fence}${pad}${content || ' '}${pad}${fence}`;
}

/**
 * Untrusted prose for markdown: every character that could start markup is escaped, so the text renders as
 * itself on one line: no heading, list, table cell, link, image, emphasis, raw HTML or live `@mention`. URLs are set as code so the audited app cannot make them links.
 */
export function markdownText(text: string): string {
  return visibleControls(text)
    .split(/((?:https?|ftp):\/\/\S*[^\s.,:;!?)'"]|\bwww\.\S*[^\s.,:;!?)'"])/i)
    .map((part, i) => (i % 2 ? markdownCode(part) : proseEscape(part)))
    .join('');
}

function proseEscape(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]!|~]/g, (c) => `\\${c}`)
      // Block markers count only at the start of a line: a heading, a list, a quote, a setext underline.
      .replace(/^(\s*)([#+\-=])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // GitHub links @user and @org/team in text nodes whatever the escaping: break them with a zero-width space (prose only).
      // An @ right after a letter, digit or underscore is no mention (user@example.com, postgres:16@sha256:…): left
      // alone, so a digest or an address copied from the report stays valid.
      .replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, '@\u200b')
  );
}

/**
 * A finding's message: prose written by a check with values quoted in backticks (`` `name` ``). The quoted parts
 * become code spans, the rest prose, each escaped; an unbalanced backtick is prose.
 */
export function markdownMessage(text: string): string {
  const parts = visibleControls(text).split(/`([^`]+)`/);
  return parts.map((part, i) => (i % 2 ? markdownCode(part) : markdownText(part))).join('');
}
