import type { LiveCheck } from '../../engine/types.js';
import { describeExchange } from '../../http/evidence.js';
import { basePage } from '../../http/surface.js';
import { cspOf, describePolicy, enforcedProblems } from './csp-policy.js';

export const csp: LiveCheck = {
  id: 'headers.csp',
  title: 'A Content-Security-Policy blocks injected scripts',
  category: 'security',
  // SEVERITY.md: defence in depth is P2. A CSP limits what an injection the application would first have to
  // have can do; its absence is not a weakness an attacker can use by itself.
  severity: 'P2',
  kind: 'live',
  docs: {
    summary:
      "Fails when the base page has no enforced Content-Security-Policy (none, or only -Report-Only), or when it allows 'unsafe-inline' without a nonce or hash, 'unsafe-eval', or `*`/`http:`/`https:`/`data:` script sources in script-src (default-src when script-src is absent), or lacks object-src 'none'.",
    why: 'A strict CSP is the last line of defence against cross-site scripting: injected markup cannot run script when the policy only allows nonced, hashed or known sources.',
    fix: "Send a nonce-based policy such as `default-src 'self'; script-src 'self' 'nonce-{random}' 'strict-dynamic'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'` and remove unsafe keywords.",
    snippets: [
      {
        stack: 'Express',
        code: "app.use(helmet.contentSecurityPolicy({ directives: { defaultSrc: [\"'self'\"], scriptSrc: [\"'self'\", (req, res) => `'nonce-${res.locals.nonce}'`], objectSrc: [\"'none'\"], frameAncestors: [\"'none'\"] } }));",
      },
      { stack: 'nginx', code: "add_header Content-Security-Policy \"default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'\" always;" },
      { stack: 'Django', code: "# django-csp\nCONTENT_SECURITY_POLICY = {'DIRECTIVES': {'default-src': [\"'self'\"], 'object-src': [\"'none'\"]}}" },
    ],
    severityNote:
      "P2 (defence in depth, SEVERITY.md): a policy limits what a cross-site scripting flaw can do, and the flaw has to exist first. One finding for the header, listing every weakness with the directive and source at fault. Raise it with `severity:` in the configuration for an application that renders user content.",
    traffic: 'None of its own: reads the shared base page.',
  },
  async run({ exchanges, http }) {
    const page = await basePage(exchanges);
    if ('skip' in page) return [page.skip];
    const r = page.response;
    const evidence = describeExchange(r, {
      headers: ['content-type', 'content-security-policy', 'content-security-policy-report-only'],
      secretHeaders: http.secretHeaderNames,
    });
    const policy = cspOf(r);
    if (!policy.policies.length) {
      const message = policy.reportOnly.length
        ? 'Only Content-Security-Policy-Report-Only is sent: violations are reported but nothing is blocked.'
        : 'No Content-Security-Policy header (nor <meta http-equiv> policy) on the base page.';
      return [{ status: 'fail', message, url: r.url, evidence }];
    }
    const problems = enforcedProblems(policy.policies);
    if (!problems.length) {
      const via = policy.fromMeta && !policy.headerPolicies.length ? ' (from a <meta> tag)' : '';
      return [{ status: 'pass', message: `Enforced CSP${via} has no unsafe script source: ${policy.policies.map(describePolicy).join(' | ')}.`, url: r.url, evidence }];
    }
    // One header, one finding: its weaknesses listed.
    const listed = problems.length === 1 ? problems[0]!.message : problems.map((p, i) => `(${i + 1}) ${p.message}`).join('; ');
    return [{ status: 'fail', message: `Content-Security-Policy has ${problems.length === 1 ? 'a weakness' : `${problems.length} weaknesses`}: ${listed}.`, url: r.url, evidence }];
  },
};
