// Untrusted text (repository paths and contents, the audited app's headers) in every report format.
import { describe, expect, it } from '@jest/globals';
import type { AuditResult } from '../../src/engine/run.js';
import type { Finding } from '../../src/engine/types.js';
import { buildReport, renderMarkdown, renderText } from '../../src/report/index.js';
import { markdownCode, markdownMessage, markdownText } from '../../src/report/escape.js';

function reportOf(findings: Finding[]) {
  const result: AuditResult = { findings, durationMs: 1, requests: 0, requestsByCheck: {}, expiredWaivers: [], targets: [], repository: { root: '/r', files: 1, skipped: 0 } };
  return buildReport(result, { minScore: 0, failOn: 'p0' });
}
function fail(checkId: string, extra: Partial<Finding>): Finding {
  return { checkId, title: checkId, category: 'security', severity: 'P0', status: 'fail', message: 'm', remediation: 'r', ...extra };
}

/** Lines of the markdown that are block-level markup a hostile value could have produced. */
function blockMarkup(md: string): string[] {
  return md.split('\n').filter((l) => /^\s{0,3}(#{1,6}\s.*100\/100|<img|<a\s|<script)/i.test(l));
}

describe('markdown: untrusted text cannot become markup', () => {
  const hostilePath = 'deploy/x\n\n# 🟢 GO · 100/100\n\n<img src=https://evil.example/p.png>\n<a href="https://evil.example">click</a> @octocat\n\n.env';

  it('a path with blank lines stays on its line: no fake heading, no raw HTML, no live mention', () => {
    const md = renderMarkdown(reportOf([fail('env.committed-file', { location: { path: hostilePath, line: 2 }, message: `${hostilePath} is tracked by git.` })]));
    expect(blockMarkup(md)).toEqual([]);
    // Inside a code span HTML is shown, not parsed, and GitHub links no mention.
    const outsideCode = md.replace(/(`+)[^`]*?\1/g, '');
    expect(outsideCode).not.toMatch(/<img|<a href/);
    expect(outsideCode).not.toMatch(/@octocat/);
    expect(md.split('\n').filter((l) => l.includes('GO · 100/100')).every((l) => l.startsWith('- '))).toBe(true);
  });

  it('header values from the app render as text: no link, image or bold', () => {
    const value = '[click me](https://evil.example) ![x](https://evil.example/i.png) **bold** <b>b</b> www.evil.example';
    const md = renderMarkdown(reportOf([fail('disclosure.server-banner', { severity: 'P1', url: 'http://127.0.0.1/', message: `X-Powered-By: ${value} reveals the stack.` })]));
    const line = md.split('\n').find((l) => l.includes('X-Powered-By'))!;
    expect(line).not.toMatch(/(^|[^\\])\[click me(\\)?\]\(/);
    expect(line).not.toMatch(/(^|[^\\])!\[/);
    expect(line).not.toMatch(/(^|[^\\])\*\*bold/);
    expect(line).not.toContain('<b>');
    // URLs are code: shown, never linked
    expect(line).toContain('(`https://evil.example`)');
    expect(line).toContain('`www.evil.example`');
  });

  it('never puts a zero-width character inside code', () => {
    const md = renderMarkdown(reportOf([fail('compose.image-pinning', { severity: 'P1', location: { path: 'a@b/docker-compose.yml', line: 3 }, message: 'Image `postgres:16@sha256:abc` is pinned, @team.' })]));
    for (const span of md.match(/`[^`\n]+`/g) ?? []) expect(span).not.toContain('\u200b');
    expect(md).toContain('`postgres:16@sha256:abc`');
    expect(md).toContain('`a@b/docker-compose.yml:3`');
    expect(md).toContain('@\u200bteam');
  });

  it('code spans survive backticks in the value', () => {
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownMessage('File `a``b` here')).not.toContain('\n');
  });

  it('escapes emphasis, tables and line-start markers in prose', () => {
    expect(markdownText('a|b *c* _d_ ~e~')).toBe('a\\|b \\*c\\* \\_d\\_ \\~e\\~');
    expect(markdownText('# h')).toBe('\\# h');
    expect(markdownText('1. x')).toBe('1\\. x');
  });
});

describe('text: untrusted text cannot drive the terminal', () => {
  it('escapes ESC sequences, CR and LF from paths and messages', () => {
    const path = 'x\u001b[2J\u001b]8;;https://evil\u0007y\rGO · 100/100\n.env';
    const text = renderText(reportOf([fail('env.committed-file', { location: { path, line: 1 }, message: `${path} \u202eevil` })]), { color: false, width: 100 });
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(text.split('\n').some((l) => l.startsWith('GO'))).toBe(false);
    expect(text).toContain('x\\e[2J');
  });
});
