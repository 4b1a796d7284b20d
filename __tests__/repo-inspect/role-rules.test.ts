// The role table tested from its own data (like Linguist's vendor.yml
// fixtures): every rule gives its role to the paths it lists, spares the
// paths it must not match, and is needed: with the rule removed, at least
// one of its own paths gets another role. A rule no fixture needs fails here.

import { describe, expect, it } from '@jest/globals';
import { ROLE_RULES } from '../../src/model/role-rules.js';
import { roleFromPath } from '../../src/model/roles.js';

// Project roots the `project`-scoped fixtures sit under (folders that hold a package manifest).
const PROJECT_ROOTS = new Set(['packages/api', 'packages/sdk', 'services/api']);

describe('the role table, from its own fixtures', () => {
  it('has unique, stable ids', () => {
    const ids = ROLE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  for (const rule of ROLE_RULES) {
    describe(rule.id, () => {
      it('has fixtures both ways', () => {
        expect(rule.matches.length).toBeGreaterThan(0);
        expect(rule.notMatches.length).toBeGreaterThan(0);
      });

      it(`gives ${rule.role} to the paths it lists`, () => {
        for (const path of rule.matches) expect([path, roleFromPath(path, PROJECT_ROOTS)?.rule]).toEqual([path, rule.id]);
      });

      it('does not match the paths it must not', () => {
        for (const path of rule.notMatches) {
          const hit = rule.scope === 'project' ? [path, ...[...PROJECT_ROOTS].filter((r) => path.startsWith(`${r}/`)).map((r) => path.slice(r.length + 1))].some((p) => rule.path.test(p)) : rule.path.test(path);
          expect([path, hit]).toEqual([path, false]);
        }
      });

      it('is needed: without it, one of its paths gets another role', () => {
        const without = ROLE_RULES.filter((r) => r !== rule);
        const changed = rule.matches.filter((path) => roleFromPath(path, PROJECT_ROOTS, without)?.role !== rule.role);
        expect(changed.length).toBeGreaterThan(0);
      });
    });
  }

  it('anchors project-scoped folders at a project root, never deeper', () => {
    // `local/` beside a manifest is a development folder; `src/auth/local/` is the application's local-login code.
    expect(roleFromPath('services/api/local/settings.py', PROJECT_ROOTS)?.rule).toBe('local-dir');
    expect(roleFromPath('services/api/src/auth/local/strategy.ts', PROJECT_ROOTS)).toBeUndefined();
    expect(roleFromPath('app/features/playground/secret.ts', PROJECT_ROOTS)).toBeUndefined();
    // Test folders are tests at any depth, whatever they are called (`unittests/`).
    expect(roleFromPath('dojo/unittests/scans/sample.json', PROJECT_ROOTS)?.role).toBe('test');
  });

  it('never gives production: that takes evidence', () => {
    expect(ROLE_RULES.map((r) => r.role)).not.toContain('production');
    expect(roleFromPath('deploy/docker-compose.prod.yml')).toBeUndefined();
    expect(roleFromPath('src/main/resources/application.yml')).toBeUndefined();
  });
});
