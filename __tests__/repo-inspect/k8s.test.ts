import { describe, expect, it, jest } from '@jest/globals';
import { k8sChecks } from '../../src/checks/k8s/index.js';
import { missingResources } from '../../src/checks/k8s/resources.js';
import { audit, messages, where } from './helpers.js';

const FLAWED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: registry.local/api:1.4.2
          resources:
            requests: { cpu: 50m, memory: 64Mi }
            limits: { memory: 128Mi }
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
      containers:
        - name: api
          image: registry.local/api
          securityContext:
            privileged: true
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  jobTemplate:
    spec:
      template:
        spec:
          securityContext:
            runAsUser: 1000
          containers:
            - name: job
              image: busybox:latest
              resources:
                limits: { memory: 64Mi }
              securityContext:
                allowPrivilegeEscalation: false
---
apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: aHVudGVyMg==
  empty: ""
stringData:
  url: postgres://app:pw@db/app
`;

const CLEAN = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: web
          image: ghcr.io/acme/web:2.3.1
          readinessProbe:
            httpGet: { path: /ready, port: 8000 }
          livenessProbe:
            httpGet: { path: /health, port: 8000 }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          securityContext:
            allowPrivilegeEscalation: false
---
apiVersion: v1
kind: Secret
metadata:
  name: placeholder
stringData:
  token: CHANGE_ME
`;

// A Helm template beside the manifests: not YAML until rendered.
const HELM = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          {{- with .Values.resources }}
          resources: {{- toYaml . | nindent 12 }}
          {{- end }}
`;

describe('Kubernetes checks on multi-document manifests', () => {
  it('reports each container problem at its line', async () => {
    const result = await audit(k8sChecks, {
      'deploy/k8s/app.yaml': FLAWED,
      'deploy/chart/templates/deployment.yaml': HELM,
      // The deploy docs apply the manifests: production by evidence.
      'README.md': '# App\n\n## Deploy\n\n```sh\nkubectl apply -f deploy/k8s/\n```\n',
    });
    // The Helm template is noted as skipped (line 1); the CronJob is not long-running; init containers need no probes.
    // No containerPort and no Service: P2 (a readiness probe would gate no traffic).
    expect(where(result, 'k8s.probes')).toEqual(['fail P2 deploy/k8s/app.yaml:18', 'skip P2 deploy/chart/templates/deployment.yaml']);
    expect(messages(result, 'k8s.probes')[0]).toMatch(/^container `api` of Deployment `api` has no readinessProbe and no livenessProbe\. P2: it declares no containerPort/);
    // Missing resource settings are P2 (SEVERITY.md).
    expect(where(result, 'k8s.resources')).toEqual(['fail P2 deploy/k8s/app.yaml:18', 'fail P2 deploy/k8s/app.yaml:37']);
    expect(messages(result, 'k8s.resources')).toEqual([
      'container `api` of Deployment `api` has no resources.limits.memory, no resources.requests.cpu, no resources.requests.memory.',
      'container `job` of CronJob `nightly` has no resources.requests.cpu.',
    ]);
    expect(where(result, 'k8s.security-context')).toEqual(['fail P1 deploy/k8s/app.yaml:20']);
    expect(messages(result, 'k8s.security-context')).toEqual([
      'container `api` of Deployment `api` may run as root (runAsNonRoot is not true and no non-zero runAsUser); is privileged; allows privilege escalation (allowPrivilegeEscalation is not false).',
    ]);
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P1 deploy/k8s/app.yaml:19', 'fail P1 deploy/k8s/app.yaml:36']);
    expect(where(result, 'k8s.committed-secret')).toEqual(['fail P0 deploy/k8s/app.yaml:48']);
    expect(messages(result, 'k8s.committed-secret')).toEqual(['Secret `db` in deploy/k8s/app.yaml holds 2 value(s): password=aHVu[redacted, 12 chars], url=post[redacted, 24 chars].']);
  });

  it('passes clean manifests', async () => {
    const result = await audit(k8sChecks, { 'k8s/web.yml': CLEAN });
    for (const check of k8sChecks) expect([check.id, ...result.findings.filter((f) => f.checkId === check.id).map((f) => f.status)]).toEqual([check.id, 'pass']);
  });

  it('reports a manifest that is not valid YAML once and ignores YAML that is not Kubernetes', async () => {
    const result = await audit(k8sChecks, {
      'k8s/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
    });
    expect(where(result, 'k8s.probes')).toEqual(['error P2 k8s/broken.yaml:4']);
    expect(where(result, 'k8s.resources')).toEqual(['skip P2']);
  });

  it('leaves Helm chart templates unjudged (the template role): what runs is the rendered chart', async () => {
    const result = await audit(k8sChecks, {
      'chart/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "{{ .Release.Name }}"\nspec:\n  containers:\n    - name: app\n      image: "{{ .Values.image }}"\n',
    });
    expect(where(result, 'k8s.probes')).toEqual(['pass P2']);
    expect(result.findings.find((f) => f.checkId === 'k8s.probes')!.message).toMatch(/Not judged: 1 finding\(s\) in files no deployment runs: chart\/templates\/pod\.yaml \(template: a Helm chart template/);
    expect(where(result, 'k8s.image-pinning')).toEqual(['skip P1']);
  });

  it('knows a memory limit doubles as the memory request', () => {
    expect(missingResources({ resources: { limits: { memory: '1Gi' }, requests: { cpu: '1' } } })).toEqual([]);
    expect(missingResources({})).toEqual(['limits.memory', 'requests.cpu', 'requests.memory']);
    // Kubernetes defaulting: a CPU limit alone is the CPU request (9 false findings in one repository before).
    expect(missingResources({ resources: { limits: { memory: '1Gi', cpu: '500m' } } })).toEqual([]);
    expect(missingResources({ resources: { limits: { cpu: '500m' } } })).toEqual(['limits.memory', 'requests.memory']);
  });
});

describe('pod-level settings', () => {
  it('reports host namespaces once per pod and dangerous capabilities; a Pod that never restarts needs no probes', async () => {
    const result = await audit(k8sChecks, {
      'ds.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      hostNetwork: true
      hostPID: true
      securityContext:
        runAsNonRoot: true
      containers:
        - name: agent
          image: agent:1.0
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              add: ["NET_ADMIN", "CHOWN"]
        - name: sidecar
          image: sidecar:1.0
          securityContext:
            allowPrivilegeEscalation: false
---
apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  containers:
    - name: task
      image: task:1.0
`,
    });
    expect(where(result, 'k8s.security-context')).toEqual(['fail P1 ds.yaml:8', 'fail P1 ds.yaml:17', 'fail P1 ds.yaml:31']);
    expect(messages(result, 'k8s.security-context').slice(0, 2)).toEqual([
      'DaemonSet `agent` shares the host\'s namespaces (hostNetwork: true, hostPID: true).',
      'container `agent` of DaemonSet `agent` adds capabilities NET_ADMIN.',
    ]);
    expect(where(result, 'k8s.probes')).toEqual(['fail P2 ds.yaml:13', 'fail P2 ds.yaml:19']);
  });
});

describe('short-lived containers', () => {
  it('keeps "may run as root" of an init container or a Job at P2, and a long-running container at P1', async () => {
    const result = await audit(k8sChecks, {
      'deploy/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: wait-for-broker
          image: busybox:1.36
          command: ["sh", "-c", "until nc -z broker 5672; do sleep 1; done"]
      containers:
        - name: web
          image: ghcr.io/acme/web:1.2.3
---
apiVersion: batch/v1
kind: Job
metadata:
  name: seed
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: seed
          image: postgres:16.4
          command: ["psql", "-f", "/seed.sql"]
`,
      'README.md': '## Deploy\n\n```\nkubectl apply -f deploy/\n```\n',
    });
    expect(where(result, 'k8s.security-context').sort()).toEqual(['fail P1 deploy/app.yaml:13', 'fail P2 deploy/app.yaml:25', 'fail P2 deploy/app.yaml:9'].sort());
    expect(messages(result, 'k8s.security-context').join('\n')).toContain('an init container runs to completion and serves nothing');
  });
});

describe('Helm templates that parse as YAML', () => {
  it('reads a templated Secret without printing a Node warning into the audit output', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const result = await audit(k8sChecks, {
        'charts/app/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  password: {{ .Values.password | b64enc | quote }}\n',
      });
      expect(where(result, 'k8s.committed-secret')).toEqual(['pass P0']);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('SOPS-encrypted Secret manifests', () => {
  it('passes a Secret whose values are SOPS ciphertext, as the fix advises', async () => {
    const result = await audit(k8sChecks, {
      'k8s/secret.enc.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\nstringData:\n  password: ENC[AES256_GCM,data:Tr7oQ2x9LmPw5sN1vK8j,iv:1Qf3a9Zx7LmP2sN8vK4jR6tY0wE5uI3o,tag:k9Zx7LmP2sN8vK4jR6tY0w==,type:str]\nsops:\n  version: 3.8.1\n',
    });
    expect(where(result, 'k8s.committed-secret')).toEqual(['pass P0']);
  });
});

describe('kustomize overlays', () => {
  it('does not judge a patch that only sets one field of a container (no image)', async () => {
    const result = await audit(k8sChecks, {
      'k8s/overlays/prod/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\npatches:\n  - path: resources.yaml\n',
      'k8s/overlays/prod/resources.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          resources:\n            limits:\n              memory: 1Gi\n',
    });
    expect(where(result, 'k8s.probes')).toEqual(['skip P2']);
    expect(where(result, 'k8s.resources')).toEqual(['skip P2']);
    expect(where(result, 'k8s.security-context')).toEqual(['skip P1']);
  });
});

describe('kind: List (kubectl get -o yaml)', () => {
  it('checks the workloads and Secrets listed under items, at their lines', async () => {
    const result = await audit(k8sChecks, {
      // The deploy docs apply the export: production by evidence.
      'README.md': '# App\n\n## Deploy\n\n```sh\nkubectl apply -f k8s/export.yaml\n```\n',
      'k8s/export.yaml': 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: listed}\n    spec:\n      template:\n        spec:\n          containers:\n            - name: app\n              image: registry.local:5000/app\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: creds}\n    stringData:\n      password: listed-literal-value\n',
    });
    expect(where(result, 'k8s.image-pinning')).toEqual(['fail P1 k8s/export.yaml:12']);
    expect(where(result, 'k8s.committed-secret')).toEqual(['fail P0 k8s/export.yaml:17']);
    expect(where(result, 'k8s.probes')).toEqual(['fail P2 k8s/export.yaml:11']);
  });
});

// SEVERITY.md: a default password of a datastore that production reaches only on its internal network is P1.
describe('credentials of datastores only the cluster network reaches', () => {
  const db = (serviceSpec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: accounts-db
spec:
  template:
    metadata:
      labels:
        app: accounts-db
    spec:
      containers:
        - name: postgres
          image: postgres:16.2
---
apiVersion: v1
kind: Service
metadata:
  name: accounts-db
spec:
${serviceSpec}  selector:
    app: accounts-db
  ports:
    - port: 5432
`;
  const config = (password: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: accounts-config
data:
  ACCOUNTS_DB_URI: postgresql://accounts-admin:${password}@accounts-db:5432/accounts-db
---
apiVersion: v1
kind: Secret
metadata:
  name: demo-db
stringData:
  host: accounts-db
  username: admin
  password: ${password}
`;
  const checks = async (files: Record<string, string>) => {
    const { secretsChecks } = await import('../../src/checks/secrets/index.js');
    return audit([...k8sChecks, ...secretsChecks], { ...files, 'README.md': '# Bank\n\n## Deploy\n\n```sh\nkubectl apply -f kubernetes-manifests/\n```\n' });
  };

  it('is P1 for a chosen password of a ClusterIP datastore no Ingress routes to, in a URL and in a Secret', async () => {
    const result = await checks({ 'kubernetes-manifests/db.yaml': db(''), 'kubernetes-manifests/config.yaml': config('accounts-pwd') });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P1 kubernetes-manifests/config.yaml:6']);
    expect(messages(result, 'secrets.hardcoded')[0]).toContain('it opens `accounts-db` (postgres:16.2), a ClusterIP Service of kubernetes-manifests/db.yaml');
    expect(where(result, 'k8s.committed-secret')).toEqual(['fail P1 kubernetes-manifests/config.yaml:13']);
  });

  it('knows a datastore by the image the repository builds FROM one (skaffold artifact pushed under a default repository)', async () => {
    const own = db('').replace('image: postgres:16.2', 'image: us-docker.pkg.dev/bank/ci/accounts-db:v0.6.10');
    const result = await checks({
      'kubernetes-manifests/db.yaml': own,
      'kubernetes-manifests/config.yaml': config('accounts-pwd'),
      'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: accounts-db\n      context: src/accounts-db\n',
      'src/accounts-db/Dockerfile': 'FROM postgres:16.14-alpine\nCOPY initdb/ /docker-entrypoint-initdb.d/\n',
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P1 kubernetes-manifests/config.yaml:6']);
  });

  it('stays P0 when the Service is a LoadBalancer, an Ingress routes to it, or the password is generated', async () => {
    const lb = await checks({ 'kubernetes-manifests/db.yaml': db('  type: LoadBalancer\n'), 'kubernetes-manifests/config.yaml': config('accounts-pwd') });
    expect(where(lb, 'secrets.hardcoded')).toEqual(['fail P0 kubernetes-manifests/config.yaml:6']);
    expect(where(lb, 'k8s.committed-secret')).toEqual(['fail P0 kubernetes-manifests/config.yaml:13']);
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: db\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: accounts-db\n                port:\n                  number: 5432\n';
    const routed = await checks({ 'kubernetes-manifests/db.yaml': db(''), 'kubernetes-manifests/ingress.yaml': ingress, 'kubernetes-manifests/config.yaml': config('accounts-pwd') });
    expect(where(routed, 'k8s.committed-secret')).toEqual(['fail P0 kubernetes-manifests/config.yaml:13']);
    const generated = await checks({ 'kubernetes-manifests/db.yaml': db(''), 'kubernetes-manifests/config.yaml': config('Qv8rT2mLx9Kp4zW7nB3c') });
    expect(where(generated, 'secrets.hardcoded')).toEqual(['fail P0 kubernetes-manifests/config.yaml:6', 'fail P0 kubernetes-manifests/config.yaml:15']);
    expect(where(generated, 'k8s.committed-secret')).toEqual(['fail P0 kubernetes-manifests/config.yaml:13']);
  });
});
