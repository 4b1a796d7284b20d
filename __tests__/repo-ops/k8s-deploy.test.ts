// Kubernetes images as they are deployed: skaffold-built names, kustomize
// `images:` rewrites, floating tags, and Helm charts rendered (or skipped with
// a note). Real shapes (microservices-demo, kustomize bases and overlays),
// flawed and clean twins, exact findings.

import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { audit, messages, where } from '../repo-inspect/helpers.js';
import { helmOnPath } from '../helpers/helm.js';
import { k8sChecks } from '../../src/checks/k8s/index.js';
import { isFloatingReference, isFloatingTag } from '../../src/model/images.js';

const deployment = (name: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: server
          image: ${image}
          readinessProbe: { httpGet: { path: /ready, port: 8080 } }
          livenessProbe: { httpGet: { path: /health, port: 8080 } }
          resources:
            requests: { cpu: 100m, memory: 64Mi }
            limits: { memory: 128Mi }
          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false }
`;

const SKAFFOLD = `apiVersion: skaffold/v3
kind: Config
build:
  artifacts:
  - image: adservice
    context: src/adservice
  - image: frontend
    context: src/frontend
manifests:
  kustomize:
    paths:
    - kubernetes-manifests
`;

describe('floating tags fail like latest', () => {
  it('names the tag words that move with every release, and passes versioned ones', () => {
    for (const tag of ['alpine', 'lts', 'stable', 'edge', 'nightly', 'slim', 'bookworm', 'lts-alpine', 'stable-slim', 'bookworm-slim', 'latest']) expect([tag, isFloatingTag(tag)]).toEqual([tag, true]);
    for (const tag of ['7.2-alpine', '20-bookworm', '1.27-alpine', 'v1.4.2', '3.12-slim', 'sha-3f2a1c9', 'prod-build']) expect([tag, isFloatingTag(tag)]).toEqual([tag, false]);
    // With the image: a digit-free tag names no version unless the image's name carries one.
    for (const ref of ['zepai/graph-mcp:standalone', 'rabbitmq:management', 'acme/app:prod-build']) expect([ref, isFloatingReference(ref, ref.split(':')[1]!)]).toEqual([ref, true]);
    for (const ref of ['gcr.io/distroless/static-debian12:nonroot', 'rabbitmq:3-management', 'acme/app:abc1234']) expect([ref, isFloatingReference(ref, ref.split(':')[1]!)]).toEqual([ref, false]);
  });

  it('fails redis:alpine at its line and passes redis:7.2-alpine (twins)', async () => {
    const flawed = await audit(k8sChecks, { 'k8s/redis.yaml': deployment('redis', 'redis:alpine') });
    expect(where(flawed, 'k8s.image-pinning')).toEqual(['fail P1 k8s/redis.yaml:10']);
    expect(messages(flawed, 'k8s.image-pinning')[0]).toContain('Image redis:alpine of container `server` of Deployment `redis` uses the floating tag `alpine`');
    const clean = await audit(k8sChecks, { 'k8s/redis.yaml': deployment('redis', 'redis:7.2-alpine') });
    expect(where(clean, 'k8s.image-pinning')).toEqual(['pass P1']);
  });
});

describe('images built by skaffold (microservices-demo: image: adservice + skaffold.yaml artifacts)', () => {
  it('does not fail the artifact names skaffold tags at deploy, and still fails the others', async () => {
    const result = await audit(k8sChecks, {
      'skaffold.yaml': SKAFFOLD,
      'kubernetes-manifests/adservice.yaml': deployment('adservice', 'adservice'),
      'kubernetes-manifests/frontend.yaml': deployment('frontend', 'frontend'),
      'kubernetes-manifests/redis.yaml': deployment('redis-cart', 'redis'),
    });
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P1 kubernetes-manifests/redis.yaml:10']);
  });

  it('fails the same manifests without skaffold.yaml (flawed twin)', async () => {
    const result = await audit(k8sChecks, { 'kubernetes-manifests/adservice.yaml': deployment('adservice', 'adservice') });
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P1 kubernetes-manifests/adservice.yaml:10']);
  });
});

describe('kustomize images: judged as applied, at the kustomization line', () => {
  const base = {
    'k8s/base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - api.yaml\n',
    'k8s/base/api.yaml': deployment('api', 'ghcr.io/acme/api'),
  };

  it('passes the base when the production overlay pins the image (newTag)', async () => {
    const result = await audit(k8sChecks, {
      ...base,
      'k8s/overlays/production/kustomization.yaml': 'resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/api\n    newTag: "1.4.2"\nreplicas:\n  - name: api\n    count: 3\n',
    });
    expect(where(result, 'k8s.image-pinning')).toEqual(['pass P1']);
  });

  it('fails at the overlay line when the overlay deploys a floating tag (flawed twin)', async () => {
    const result = await audit(k8sChecks, {
      ...base,
      'k8s/overlays/production/kustomization.yaml': 'resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/api\n    newName: registry.acme.io/api\n    newTag: stable\n',
    });
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P1 k8s/overlays/production/kustomization.yaml:4']);
    expect(messages(result, 'k8s.image-pinning')[0]).toContain('is deployed as registry.acme.io/api:stable by k8s/overlays/production/kustomization.yaml:4, which uses the floating tag `stable`');
  });

  it('a development overlay rewriting to latest is at most P2; the production one still decides', async () => {
    const result = await audit(k8sChecks, {
      ...base,
      'k8s/overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/api\n    newTag: latest\n',
      'k8s/overlays/production/kustomization.yaml': 'resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/api\n    digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    });
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P2 k8s/overlays/dev/kustomization.yaml:4']);
  });

  it('fails the base itself when no kustomization rewrites the image', async () => {
    const result = await audit(k8sChecks, base);
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P1 k8s/base/api.yaml:10']);
  });
});

describe('Helm charts: rendered with helm template when helm is on PATH, else skipped with a note', () => {
  const chart = {
    'deploy/chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
    'deploy/chart/values.yaml': 'image:\n  repository: ghcr.io/acme/web\n  tag: ""\n',
    'deploy/chart/templates/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default "latest" }}"\n',
  };
  const { fakeHelm, noHelm } = helmOnPath(afterEach, afterAll);

  it('without helm: one note per chart at Chart.yaml, templates not judged', async () => {
    noHelm();
    const result = await audit(k8sChecks, chart);
    expect(where(result, 'k8s.probes')).toEqual(['skip P2 deploy/chart/Chart.yaml:1']);
    expect(messages(result, 'k8s.probes')[0]).toContain('Helm chart deploy/chart was not rendered (helm is not on PATH)');
    expect(result.findings.filter((f) => f.status === 'fail')).toEqual([]);
  });

  it('with helm: judges the rendered manifests where the chart writes each key, naming the template (flawed)', async () => {
    fakeHelm(`[ "$1" = template ] || exit 2
cat <<'YAML'
---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: readiness-gate-web
spec:
  template:
    spec:
      containers:
        - name: web
          image: "ghcr.io/acme/web:latest"
YAML`);
    const result = await audit(k8sChecks, chart);
    // `tag: ""` left the tag to the template's `default "latest"`: the line that should set it.
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P1 deploy/chart/values.yaml:3']);
    expect(messages(result, 'k8s.image-pinning')[0]).toBe('Image ghcr.io/acme/web:latest of container `web` of Deployment `readiness-gate-web` (rendered from web/templates/deployment.yaml) uses the `latest` tag.');
    // No probe anywhere in the chart: the template as a whole (no line to point at).
    // (P2: the fixture's container declares no port and no Service selects it.)
    expect(where(result, 'k8s.probes')).toEqual(['fail P2 deploy/chart/templates/deployment.yaml']);
  });

  it('a chart that helm cannot render is an error at Chart.yaml, not a pass', async () => {
    fakeHelm('echo "Error: found in Chart.yaml, but missing in charts/ directory: postgresql" >&2\nexit 1');
    const result = await audit(k8sChecks, chart);
    expect(where(result, 'k8s.probes')).toEqual(['error P2 deploy/chart/Chart.yaml:1']);
    expect(messages(result, 'k8s.probes')[0]).toContain('helm template deploy/chart failed: Error: found in Chart.yaml, but missing in charts/ directory: postgresql');
  });
});

describe('kustomize patches of the production overlay are applied before judging', () => {
  const base = {
    'k8s/base/kustomization.yaml': 'resources:\n  - web.yaml\n',
    'k8s/base/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:1.4.2\n          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false }\n',
  };
  const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          readinessProbe: { httpGet: { path: /ready, port: 8080 } }\n          livenessProbe: { httpGet: { path: /health, port: 8080 } }\n          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n            limits: { memory: 256Mi }\n';

  it('passes probes and resources the production overlay patches in', async () => {
    const result = await audit(k8sChecks, {
      ...base,
      'k8s/overlays/production/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: web-patch.yaml\n',
      'k8s/overlays/production/web-patch.yaml': patch,
    });
    expect(where(result, 'k8s.probes')).toEqual(['pass P2']);
    expect(where(result, 'k8s.resources')).toEqual(['pass P2']);
  });

  it('still fails the base when only a development overlay patches them in (flawed twin)', async () => {
    const result = await audit(k8sChecks, {
      ...base,
      'k8s/overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\npatchesStrategicMerge:\n  - web-patch.yaml\n',
      'k8s/overlays/dev/web-patch.yaml': patch,
    });
    // (P2: the fixture's container declares no port and no Service selects it.)
    expect(where(result, 'k8s.probes')).toEqual(['fail P2 k8s/base/web.yaml:9']);
    expect(where(result, 'k8s.resources')).toEqual(['fail P2 k8s/base/web.yaml:9']);
  });
});
