import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { CATEGORIES, SEVERITIES } from '../../src/engine/types.js';
import { renderCatalogMarkdown } from '../../src/report/catalog.js';
import { VERSION } from '../../src/core/version.js';

describe('the check registry', () => {
  it('holds self-describing checks with unique, dotted, lower-case ids', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of ALL_CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/);
      expect(CATEGORIES).toContain(check.category);
      expect(SEVERITIES).toContain(check.severity);
      expect(['live', 'repo']).toContain(check.kind);
      expect(check.title.length).toBeGreaterThan(3);
      expect(check.docs.summary.length).toBeGreaterThan(10);
      expect(check.docs.why.length).toBeGreaterThan(10);
      expect(check.docs.fix.length).toBeGreaterThan(10);
      expect(typeof check.run).toBe('function');
    }
  });

  it('is documented in docs/checks.md, generated from the modules (run `npm run docs` when this fails)', () => {
    expect(readFileSync('docs/checks.md', 'utf8')).toBe(renderCatalogMarkdown(ALL_CHECKS));
  });

  it('reports the version package.json declares', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
