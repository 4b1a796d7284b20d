// Findings on a Helm chart rendered by `helm template` point where the chart
// writes each key: the values.yaml line that sets it (a parent chart's value
// for a subchart), the template line that writes it, or the template as a
// whole when nothing does; never line 1 of values.yaml. The chart and its
// captured rendering are in __tests__/fixtures/helm (helm is not installed
// where these tests run: a fake `helm` prints the captured output).

import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { audit, messages, where } from '../repo-inspect/helpers.js';
import { helmOnPath } from '../helpers/helm.js';
import { k8sChecks } from '../../src/checks/k8s/index.js';
import { chartSources, manifestsFromRendered } from '../../src/parse/helm.js';

const FIXTURE = join(process.cwd(), '__tests__/fixtures/helm');
const RENDERED = join(FIXTURE, 'rendered.yaml');

/** The fixture chart as repository files under `deploy/chart/`. */
function chartFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else out[`deploy/chart/${relative(join(FIXTURE, 'web'), full)}`] = readFileSync(full, 'utf8');
    }
  };
  visit(join(FIXTURE, 'web'));
  return out;
}

describe('positions of a rendered chart (pure, from the captured helm template output)', () => {
  const files = chartFiles();
  const fileSet = {
    files: Object.keys(files).map((path) => ({ path })),
    has: (path: string) => path in files,
    read: async (path: string) => files[path],
  };
  const chart = { dir: 'deploy/chart', reportPath: 'deploy/chart/values.yaml' };

  it('maps each key to the values.yaml line, the template line, or the template file', async () => {
    const output = readFileSync(RENDERED, 'utf8');
    const manifests = manifestsFromRendered(chart, output, await chartSources(chart, output, fileSet as never));
    const byName = new Map(manifests.workloads.map((w) => [w.name, w]));
    expect([...byName.keys()]).toEqual(['readiness-gate-web', 'readiness-gate-web-worker', 'readiness-gate-redis']);
    const [web, worker, redis] = ['readiness-gate-web', 'readiness-gate-web-worker', 'readiness-gate-redis'].map((n) => byName.get(n)!.containers[0]!);
    const at = (c: typeof web, key: string[]) => {
      const p = c!.locate(key);
      return p.line === undefined ? p.path : `${p.path}:${p.line}`;
    };
    // `{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}`: the tag that made `latest`.
    expect(at(web, ['image'])).toBe('deploy/chart/values.yaml:8');
    // `toYaml .Values.resources` of `resources: {}`: the line that should set them.
    expect(at(web, ['resources'])).toBe('deploy/chart/values.yaml:32');
    expect(at(web, ['securityContext'])).toBe('deploy/chart/values.yaml:21');
    // Present through `with .Values.livenessProbe`: values.yaml; left out by `with .Values.readinessProbe` of `readinessProbe: {}`: that line.
    expect(at(web, ['livenessProbe'])).toBe('deploy/chart/values.yaml:38');
    expect(at(web, ['readinessProbe'])).toBe('deploy/chart/values.yaml:43');
    // Written by the template itself: its line.
    expect(at(web, ['imagePullPolicy'])).toBe('deploy/chart/values.yaml:6');
    expect(at(web, ['ports'])).toBe('deploy/chart/templates/deployment.yaml:30');
    expect(at(worker, ['securityContext', 'allowPrivilegeEscalation'])).toBe('deploy/chart/templates/worker.yaml:24');
    expect(at(worker, ['resources'])).toBe('deploy/chart/templates/worker.yaml:25');
    expect(at(worker, ['image'])).toBe('deploy/chart/values.yaml:46');
    // Nothing in the chart writes it: the template as a whole, no line.
    expect(at(worker, ['readinessProbe'])).toBe('deploy/chart/templates/worker.yaml');
    // A subchart: the parent's `redis.image.tag` overrides the subchart's own values; its resources come from its values.yaml.
    expect(at(redis, ['image'])).toBe('deploy/chart/values.yaml:50');
    expect(at(redis, ['resources'])).toBe('deploy/chart/charts/redis/values.yaml:5');
    expect(at(redis, ['resources', 'requests', 'cpu'])).toBe('deploy/chart/charts/redis/values.yaml:7');
    expect(at(redis, ['readinessProbe'])).toBe('deploy/chart/charts/redis/templates/statefulset.yaml:26');
    expect(byName.get('readiness-gate-redis')!.podLocate(['securityContext', 'runAsUser'])).toEqual({ path: 'deploy/chart/charts/redis/templates/statefulset.yaml', line: 17 });
  });

  it('points at the chart values file, as a whole, when the rendering names a template the repository does not hold', async () => {
    const output = '---\n# Source: web/charts/postgresql/templates/primary.yaml\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: pg\nspec:\n  template:\n    spec:\n      containers:\n        - name: pg\n          image: postgres:latest\n';
    const manifests = manifestsFromRendered(chart, output, await chartSources(chart, output, fileSet as never));
    expect(manifests.workloads[0]!.containers[0]!.locate(['image'])).toEqual({ path: 'deploy/chart/values.yaml' });
  });
});

describe('k8s checks on a rendered chart report where the chart writes the key', () => {
  const { fakeHelm, noHelm } = helmOnPath(afterEach, afterAll);

  it('with helm: every finding at a values.yaml or template line, or at the template file', async () => {
    fakeHelm(`[ "$1" = template ] && [ "$3" = deploy/chart ] || exit 2\ncat '${RENDERED}'`);
    const result = await audit(k8sChecks, chartFiles());
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P1 deploy/chart/values.yaml:8', 'fail P1 deploy/chart/values.yaml:50']);
    expect(messages(result, 'k8s.image-pinning')[1]).toBe(
      'Image redis:alpine of container `redis` of StatefulSet `readiness-gate-redis` (rendered from web/charts/redis/templates/statefulset.yaml) uses the floating tag `alpine` (moves with every release, like `latest`).',
    );
    // k8s.probes is P2 (SEVERITY.md); the worker declares no port and no Service selects it, which its message says.
    expect(where(result, 'k8s.probes')).toEqual(['fail P2 deploy/chart/templates/worker.yaml', 'fail P2 deploy/chart/values.yaml:43']);
    expect(messages(result, 'k8s.probes').map((m) => /a readiness probe gates no traffic/.test(m))).toEqual([true, false]);
    expect(where(result, 'k8s.resources')).toEqual(['fail P2 deploy/chart/charts/redis/values.yaml:5', 'fail P2 deploy/chart/values.yaml:32']);
    // The worker only allows privilege escalation: P2 (SEVERITY.md: defence in depth).
    expect(where(result, 'k8s.security-context')).toEqual(['fail P1 deploy/chart/values.yaml:21', 'fail P2 deploy/chart/templates/worker.yaml:24']);
    expect(result.findings.filter((f) => f.location?.line === 1)).toEqual([]);
  });

  it('without helm: one note at Chart.yaml, and neither the templates nor the subchart templates are judged as written', async () => {
    noHelm();
    const result = await audit(k8sChecks, chartFiles());
    expect(where(result, 'k8s.probes')).toEqual(['skip P2 deploy/chart/Chart.yaml:1']);
    // Only the chart's values are read statically (the images they set: `tag: latest` at values.yaml:8).
    expect(result.findings.filter((f) => f.status !== 'skip').map((f) => `${f.checkId} ${f.status} ${f.location?.path}:${f.location?.line}`)).toEqual(['k8s.image-pinning fail deploy/chart/values.yaml:8']);
  });
});
