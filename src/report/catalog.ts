// The check catalog, rendered from the check modules themselves: the CLI's
// `checks` command and docs/checks.md (generated, so it cannot drift).

import { CATEGORIES, type Check } from '../engine/types.js';
import { renderRepositoryModelDocs } from '../model/docs.js';
import type { RolePolicy } from '../model/policy.js';

const ROLE_POLICY_NAMES: Record<RolePolicy, string> = {
  deployment: 'deployment (production at full severity, development at most P2, other roles not judged)',
  own: 'chosen by the check (see its severity note)',
  any: 'repository-wide (the file is only where to look)',
};
import { checkAnchor } from './links.js';

export function renderCatalogText(catalog: readonly Check[]): string {
  const width = Math.max(...catalog.map((c) => c.id.length), 10);
  const lines = catalog.map((c) => `${c.id.padEnd(width)}  ${c.severity}  ${c.kind.padEnd(4)}  ${c.category.padEnd(13)}  ${c.title}`);
  return [`${'id'.padEnd(width)}  sev kind  category       title`, ...lines, '', `${catalog.length} checks`].join('\n') + '\n';
}

export function renderCatalogMarkdown(catalog: readonly Check[]): string {
  const out: string[] = [
    '# Checks',
    '',
    '<!-- Generated from the check modules by `npm run docs`; do not edit by hand. -->',
    '',
    `readiness-gate runs ${catalog.length} checks: ${catalog.filter((c) => c.kind === 'live').length} live probes of a running app and ${catalog.filter((c) => c.kind === 'repo').length} repository inspections.`,
    'Severity: **P0** blocks the release (NO-GO), **P1** should be fixed before release, **P2** is worth fixing.',
    'Override a severity with `severity:` in `.github/readiness.yml`, or waive a finding with `waivers:`.',
    '*How to fix* below covers every stack at once; in a report, each finding\'s fix is written for what the check saw (the language or format of the file, the key, image, service or settings style, the framework the responses name).',
    '',
    '| id | category | severity | kind | what fails |',
    '|---|---|---|---|---|',
  ];
  for (const c of catalog) out.push(`| [\`${c.id}\`](#${checkAnchor(c.id)}) | ${c.category} | ${c.severity} | ${c.kind} | ${cell(c.docs.summary)} |`);
  out.push('', renderRepositoryModelDocs());
  for (const category of CATEGORIES) {
    const inCategory = catalog.filter((c) => c.category === category);
    if (!inCategory.length) continue;
    out.push(`## ${category[0]!.toUpperCase()}${category.slice(1)}`, '');
    for (const c of inCategory) {
      out.push(`### ${c.id}`, '', `**${c.title}** · ${c.severity} · ${c.kind}`, '', c.docs.summary, '');
      if (c.docs.severityNote) out.push(`*Severity:* ${c.docs.severityNote}`, '');
      if (c.kind === 'repo') out.push(`*File roles:* ${ROLE_POLICY_NAMES[c.roles ?? 'deployment']}${c.productionOnly ? '; *production only*: on a file whose role is unknown, one level down (P0 to P1, P1 to P2)' : ''}`, '');
      out.push(`*Why it matters:* ${c.docs.why}`, '', `*How to fix:* ${c.docs.fix}`, '');
      if (c.docs.traffic) out.push(`*Traffic:* ${c.docs.traffic}`, '');
      for (const snippet of c.docs.snippets ?? []) {
        out.push(`${snippet.stack}:`, '', '```', snippet.code.trimEnd(), '```', '');
      }
    }
  }
  return out.join('\n');
}


function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
