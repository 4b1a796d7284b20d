// Messages that read whole (issue 23): a shortened message is cut at a clause or word boundary with an explicit
// `[…]`, never inside a quoted value or a redaction marker; a location is not repeated; a fix fits what the check saw.
import { describe, expect, it } from '@jest/globals';
import { secretsWeakDefault } from '../../src/checks/secrets/weak-default.js';
import { commentBody, stateOf } from '../../src/github/bodies.js';
import { annotationsFor } from '../../src/github/check-run.js';
import { renderMarkdown, renderText } from '../../src/report/index.js';
import { cutMessage } from '../../src/report/report.js';
import { finding, reportOf } from '../github/reports.js';
import { audit } from '../repo-inspect/helpers.js';

describe('cutMessage', () => {
  const long = 'mysite/settings/base.py:276: os.environ.get("ADMIN_PASSWORD", …) falls back to a weak literal ([redacted, 8 chars]) when ADMIN_PASSWORD is not set, and the admin site is routed in production.';

  it('keeps a message that fits', () => {
    expect(cutMessage('short enough.', 40)).toBe('short enough.');
  });

  it('cuts at a clause boundary when there is one, with an explicit […]', () => {
    const out = cutMessage(long, 170);
    expect(out).toBe('mysite/settings/base.py:276: os.environ.get("ADMIN_PASSWORD", …) falls back to a weak literal ([redacted, 8 chars]) when ADMIN_PASSWORD is not set, […]');
    expect(out.length).toBeLessThanOrEqual(170);
  });

  it('else at a word boundary, never inside a word, a quoted value or a redaction marker', () => {
    // From the first word and the mark on (a single word longer than `max` can only be cut).
    for (let max = 40; max < long.length; max += 7) {
      const out = cutMessage(long, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith(' […]')).toBe(true);
      const kept = out.slice(0, -' […]'.length);
      // A whole word: what follows in the original is a space.
      expect(long.startsWith(kept)).toBe(true);
      expect([' ', undefined]).toContain(long[kept.length]);
      // No marker or backtick span left open.
      expect((kept.match(/\[redacted/g) ?? []).length).toBe((kept.match(/chars\]/g) ?? []).length);
    }
    const quoted = 'service `web` sets `API_TOKEN_WITH_A_VERY_LONG_NAME_INDEED` to a literal value';
    const out = cutMessage(quoted, 40);
    expect((out.match(/`/g) ?? []).length % 2).toBe(0);
  });
});

describe('the reports', () => {
  const weak = finding({
    checkId: 'secrets.weak-default',
    severity: 'P0',
    location: { path: 'mysite/settings/base.py', line: 276 },
    message: 'mysite/settings/base.py:276: os.environ.get("ADMIN_PASSWORD", …) falls back to a weak literal ([redacted, 8 chars]) when ADMIN_PASSWORD is not set, which the admin site uses as its only login in every deployment of this project.',
  });
  const report = reportOf([weak]);

  it('name the location once', () => {
    const text = renderText(report, { color: false, width: 300 });
    expect(text).toContain('mysite/settings/base.py:276: os.environ.get(');
    expect(text).not.toContain('base.py:276: mysite/settings/base.py:276');
    const md = renderMarkdown(report);
    expect(md).not.toMatch(/base\.py:276`?\)? — mysite\/settings\/base\.py:276/);
    // An annotation stands at the place already.
    expect(annotationsFor(report)[0]!.message).toMatch(/^os\.environ\.get\(/);
  });

  it('cut messages with […] at a boundary in the text report and the comment', () => {
    const text = renderText(report, { color: false, width: 300 });
    expect(text).toMatch(/not set, \[…\]|\w \[…\]/);
    expect(text).not.toMatch(/\w…\n/);
    const comment = commentBody(report, { checkName: 'Gate', state: stateOf(report), fullReportAt: 'x' }).text;
    expect(comment).toMatch(/ \\?\[…\\?\]/);
    expect(comment).not.toMatch(/[A-Za-z]…(?!\))/);
  });
});

describe('fix texts that fit the finding', () => {
  it('a Python fallback gets the Python fix, a JS one the JS fix, a compose default the compose fix', async () => {
    const result = await audit([secretsWeakDefault], {
      'app/settings.py': 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY", "changeme")\n',
      'server.js': 'const secret = process.env.JWT_SECRET || "secret";\n',
      'docker-compose.yml': 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-password}\n',
    });
    const fix = (path: string) => result.findings.find((f) => f.location?.path === path)!.remediation;
    expect(fix('app/settings.py')).toContain('os.environ["SECRET_KEY"]');
    expect(fix('app/settings.py')).not.toMatch(/compose|process\.env|config\/default/);
    expect(fix('server.js')).toContain('process.env.JWT_SECRET');
    expect(fix('server.js')).not.toMatch(/compose|os\.environ/);
    expect(fix('docker-compose.yml')).toContain('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}');
    expect(fix('docker-compose.yml')).not.toMatch(/os\.environ|process\.env/);
  });
});
