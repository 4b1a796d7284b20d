// Content-Security-Policy parsing and judgement, pure (CSP Level 3,
// https://www.w3.org/TR/CSP3/). Shared by `headers.csp` and
// `headers.frame-options` (which reads `frame-ancestors`).

import type { HttpResponse } from '../../http/client.js';

/** Directive name (lower case) -> its source expressions, in order. */
export type CspPolicy = Map<string, string[]>;

/**
 * One header value may hold several policies separated by commas (a
 * "serialized CSP list"); within a policy, directives are separated by
 * semicolons and a repeated directive is ignored (CSP3, section 2.2.1).
 */
export function parseCspHeader(value: string): CspPolicy[] {
  return value
    .split(',')
    .map((serialized) => {
      const policy: CspPolicy = new Map();
      for (const raw of serialized.split(';')) {
        const [name, ...sources] = raw.trim().split(/\s+/).filter(Boolean);
        if (!name) continue;
        const directive = name.toLowerCase();
        if (!policy.has(directive)) policy.set(directive, sources);
      }
      return policy;
    })
    .filter((policy) => policy.size > 0);
}

/** Policies delivered in `<meta http-equiv="Content-Security-Policy" content="...">` tags of an HTML body. */
export function metaCspPolicies(html: string): CspPolicy[] {
  const policies: CspPolicy[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attributes = new Map<string, string>();
    for (const m of tag.matchAll(/([a-zA-Z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      attributes.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    }
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy' && attributes.has('content')) {
      // frame-ancestors, report-uri and sandbox are ignored in a meta policy (CSP3, section 3.3).
      for (const policy of parseCspHeader(attributes.get('content')!)) {
        for (const ignored of ['frame-ancestors', 'report-uri', 'sandbox']) policy.delete(ignored);
        policies.push(policy);
      }
    }
  }
  return policies;
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export interface EnforcedCsp {
  /** Policies the browser enforces: headers, plus meta tags of an HTML page. */
  policies: CspPolicy[];
  /** Header policies only (where `frame-ancestors` counts). */
  headerPolicies: CspPolicy[];
  reportOnly: CspPolicy[];
  fromMeta: boolean;
}

export function cspOf(response: HttpResponse): EnforcedCsp {
  const values = (name: string): string[] => response.headerList.filter(([n]) => n === name).map(([, v]) => v);
  const headerPolicies = values('content-security-policy').flatMap(parseCspHeader);
  const isHtml = /html/i.test(response.headers['content-type'] ?? '');
  const meta = isHtml ? metaCspPolicies(response.body) : [];
  return {
    policies: [...headerPolicies, ...meta],
    headerPolicies,
    reportOnly: values('content-security-policy-report-only').flatMap(parseCspHeader),
    fromMeta: meta.length > 0,
  };
}

export interface CspProblem {
  /** Stable across policies, to tell whether every enforced policy has it. */
  key: string;
  directive: string;
  source?: string;
  message: string;
  /**
   * P1 for what lets an injected script run; P2 for defence in depth (plugins: every current browser has
   * dropped NPAPI, so a missing object-src 'none' alone runs nothing).
   */
  severity: 'P1' | 'P2';
}

// CSP3 grammar: the base64 value has at least one character; an empty or
// templated nonce (`'nonce-'`, `'nonce-{{nonce}}'`) is an invalid source that
// browsers ignore, leaving 'unsafe-inline' in force.
const NONCE_OR_HASH = /^'(nonce|sha256|sha384|sha512)-[A-Za-z0-9+/_-]+={0,2}'$/i;
// Sources that let any attacker-controlled host (or inline data) run script.
const ANY_SOURCE = new Set(['*', 'http:', 'https:', 'data:', 'http://*', 'https://*']);

/** What is unsafe in one policy, with the directive and source at fault. */
export function cspProblems(policy: CspPolicy): CspProblem[] {
  const problems: CspProblem[] = [];
  const scriptDirective = policy.has('script-src') ? 'script-src' : policy.has('default-src') ? 'default-src' : undefined;
  if (!scriptDirective) {
    problems.push({
      key: 'no-script-src',
      directive: 'script-src',
      severity: 'P1',
      message: 'neither script-src nor default-src is set, so scripts may load from anywhere',
    });
  } else {
    const sources = policy.get(scriptDirective)!;
    const lower = sources.map((s) => s.toLowerCase());
    const nonceOrHash = sources.some((s) => NONCE_OR_HASH.test(s));
    // With a nonce or hash, CSP3 browsers ignore 'unsafe-inline'; with
    // 'strict-dynamic' they also ignore host and scheme sources (the
    // documented backward-compatible "strict CSP" pattern).
    const strictDynamic = nonceOrHash && lower.includes("'strict-dynamic'");
    if (lower.includes("'unsafe-inline'") && !nonceOrHash) {
      problems.push({
        key: 'unsafe-inline',
        directive: scriptDirective,
        severity: 'P1',
        source: "'unsafe-inline'",
        message: `${scriptDirective} allows 'unsafe-inline' without a nonce or hash, so injected inline scripts run`,
      });
    }
    if (lower.includes("'unsafe-eval'")) {
      problems.push({
        key: 'unsafe-eval',
        directive: scriptDirective,
        severity: 'P1',
        source: "'unsafe-eval'",
        message: `${scriptDirective} allows 'unsafe-eval' (eval() and new Function() on attacker-controlled strings)`,
      });
    }
    if (!strictDynamic) {
      for (const source of sources) {
        if (!ANY_SOURCE.has(source.toLowerCase())) continue;
        problems.push({
          key: `any-source:${source.toLowerCase()}`,
          directive: scriptDirective,
          severity: 'P1',
          source,
          message: `${scriptDirective} allows scripts from ${source}, i.e. from ${source === 'data:' ? 'data: URLs an attacker writes' : 'any host'}`,
        });
      }
    }
  }
  const objectDirective = policy.has('object-src') ? 'object-src' : policy.has('default-src') ? 'default-src' : undefined;
  const objectSources = objectDirective ? policy.get(objectDirective)!.map((s) => s.toLowerCase()) : [];
  if (!(objectSources.length === 1 && objectSources[0] === "'none'")) {
    problems.push({
      key: 'object-src',
      directive: 'object-src',
      severity: 'P2',
      message: objectDirective
        ? `${objectDirective} ${objectSources.join(' ') || '(empty)'} allows plugins (<object>, <embed>): set object-src 'none'`
        : "no object-src 'none' (directly or through default-src), so plugins (<object>, <embed>) may load",
    });
  }
  return problems;
}

/**
 * Every enforced policy must allow a script for it to run, so a weakness
 * matters only when all of them have it (a strict second policy covers a lax one).
 */
export function enforcedProblems(policies: readonly CspPolicy[]): CspProblem[] {
  if (!policies.length) return [];
  const [first, ...rest] = policies.map(cspProblems);
  return first!.filter((p) => rest.every((other) => other.some((o) => o.key === p.key)));
}

/** `frame-ancestors` sources from enforced header policies (the first policy that sets it), if any. */
export function frameAncestors(csp: EnforcedCsp): string[] | undefined {
  for (const policy of csp.headerPolicies) {
    const sources = policy.get('frame-ancestors');
    if (sources) return sources;
  }
  return undefined;
}

export function describePolicy(policy: CspPolicy): string {
  return [...policy].map(([d, s]) => [d, ...s].join(' ')).join('; ');
}
