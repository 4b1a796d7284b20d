// Injection into reports through a whole audit (issue 13, items 3 and 4): a
// repository whose file names carry blank lines, a fake verdict heading, raw
// HTML, @mentions, terminal escape sequences and carriage returns, and a
// target whose Server and X-Powered-By headers are markdown links, images and
// bold. Every format is rendered from the real report: markdown (the PR
// comment and check run), plain text (the terminal), JSON and SARIF.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { ALL_CHECKS } from '../../src/checks/index.js';
import type { Report } from '../../src/report/report.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { boundedAudit } from './bounded.js';

// A directory name (no slash) that tries every trick; the file under it is a tracked env file, a P0 finding.
const HOSTILE_DIR = 'x\n\n# 🟢 GO · 100/100\n\n<img src=x onerror=alert(1)> <a href="https:\\\\evil.example">click</a> @octocat\n\n\u001b[2J\u001b]8;;https:\\\\evil\u0007link\u001b]8;;\u0007\rGO · 100/100 ';
const HOSTILE_ENV = `${HOSTILE_DIR}/.env.production`;
const DIGEST = `postgres:16@sha256:${'ab'.repeat(32)}`;
const BANNER = '[click me](https://evil.example) ![x](https://evil.example/i.png) **bold** <b>b</b> @octocat www.evil.example';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u009b]/;

let repo: TempRepo;
let server: TestServer;
let report: Report;
let outputs: { markdown: string; text: string; json: string; sarif: string };

beforeAll(async () => {
  repo = makeRepo({
    'package.json': '{"name":"app"}\n',
    [HOSTILE_ENV]: `DB_PASSWORD=Tr0ub4dor-and-3\nNOTE="\u001b[31mred\u001b[0m\rGO · 100/100"\n`,
    'docker-compose.yml': `services:\n  db:\n    image: ${DIGEST}\n  cache:\n    image: redis:latest\n    restart: always\n`,
  });
  const git = (...args: string[]) => execFileSync('git', ['-C', repo.root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', server: `nginx/1.18.0 ${BANNER}`, 'x-powered-by': `PHP/7.4.3 ${BANNER}` });
    res.end('<!doctype html><title>app</title>');
  });
  const outcome = await boundedAudit(
    { http: { 'timeout-ms': 2000 }, timeouts: { 'audit-ms': 30_000 } },
    { repo: repo.root, urls: [server.url], only: ['env.committed-file', 'compose', 'disclosure.server-banner', 'http.reachable'] },
  );
  report = outcome.report;
  outputs = {
    markdown: renderMarkdown(report),
    text: renderText(report, { color: false, verbose: true, width: 100 }),
    json: renderJson(report),
    sarif: renderSarif(report, ALL_CHECKS),
  };
}, 60_000);

afterAll(async () => {
  await server?.close();
  repo?.cleanup();
});

/** The markdown with its code spans removed: what GitHub parses as markup. */
const outsideCode = (md: string): string => md.replace(/(`+)[^`]*?\1/g, '');

describe('a full audit of a hostile repository and target', () => {
  it('found what it was meant to find, with the hostile path and banner as data', () => {
    const env = report.findings.find((f) => f.checkId === 'env.committed-file' && f.status === 'fail');
    expect(env?.location?.path).toBe(HOSTILE_ENV);
    const banner = report.findings.filter((f) => f.checkId === 'disclosure.server-banner' && f.status === 'fail');
    expect(banner.map((f) => f.message).join('\n')).toContain('nginx/1.18.0');
    expect(report.findings.some((f) => f.checkId.startsWith('compose.') && f.message.includes(DIGEST))).toBe(true);
  });

  it('markdown: no fake heading, no raw HTML, no link, image, bold or live mention, no control character', () => {
    const md = outputs.markdown;
    const lines = md.split('\n');
    // Only the real decision is a heading.
    expect(lines.filter((l) => /^\s{0,3}#{1,6}\s/.test(l) && l.includes('100/100'))).toEqual([]);
    expect(lines.filter((l) => /^\s{0,3}(<img|<a\s|<b>)/i.test(l))).toEqual([]);
    const prose = outsideCode(md);
    expect(prose).not.toMatch(/<img|<a href|<b>/i);
    expect(prose).not.toMatch(/(^|[^\\])\[click me(\\)?\]\(/m);
    expect(prose).not.toMatch(/(^|[^\\])!\[/m);
    expect(prose).not.toMatch(/(^|[^\\*])\*\*bold/m);
    expect(prose).not.toMatch(/(^|[^\u200b])@octocat/m);
    expect(md).not.toMatch(CONTROL);
  });

  it('markdown: no zero-width character inside code, so a copied digest is valid', () => {
    const spans = outputs.markdown.match(/(`+)[^`]*?\1/g) ?? [];
    expect(spans.filter((s) => s.includes('\u200b'))).toEqual([]);
    expect(outputs.markdown).toContain(DIGEST);
  });

  it('text: escape sequences, CR and LF from names and contents are shown escaped, never sent to the terminal', () => {
    const text = outputs.text;
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toContain('\r');
    // No line of the report is the fake verdict: the path stays on its own line.
    expect(text.split('\n').filter((l) => /^\s*(# 🟢 )?GO · 100\/100/.test(l))).toEqual([]);
    expect(text).toContain('\\e[2J');
  });

  it('JSON and SARIF: valid, with the path kept exactly (data stays data), and no raw control character', () => {
    const json = JSON.parse(outputs.json) as Report;
    expect(json.findings.some((f) => f.location?.path === HOSTILE_ENV)).toBe(true);
    const sarif = JSON.parse(outputs.sarif) as { runs: Array<{ results: Array<{ message: { text: string }; locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const results = sarif.runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    // A URI: the path percent-encoded, so no newline or escape survives in it.
    // eslint-disable-next-line no-control-regex
    for (const r of results) for (const l of r.locations ?? []) expect(l.physicalLocation.artifactLocation.uri).not.toMatch(/[\s\u001b]/);
    for (const output of [outputs.json, outputs.sarif]) expect(output.replace(/\n/g, '')).not.toMatch(CONTROL);
  });
});
