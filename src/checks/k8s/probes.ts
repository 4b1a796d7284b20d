import type { RepoCheck } from '../../engine/types.js';
import { checkContainers, containerLabel, pointAt } from './common.js';
import { isSelectedByService, loadManifests } from '../../parse/kubernetes.js';

export const k8sProbes: RepoCheck = {
  id: 'k8s.probes',
  title: 'Long-running containers have readiness and liveness probes',
  category: 'reliability',
  // SEVERITY.md: missing probes (healthchecks) and resource limits are P2.
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each container (not init containers) of a Deployment, StatefulSet, DaemonSet, ReplicaSet or Pod without a `readinessProbe` or without a `livenessProbe` (Polaris readinessProbeMissing/livenessProbeMissing); Jobs and CronJobs run to completion and are not judged.',
    why: 'Without a readiness probe a pod receives traffic before it can serve and during rollouts; without a liveness probe a deadlocked process is never restarted.',
    fix: 'Add a `readinessProbe` on a cheap readiness endpoint and a `livenessProbe` that only fails when a restart helps (often the same endpoint with a higher failureThreshold); add a `startupProbe` for slow starts.',
    snippets: [{ stack: 'Kubernetes', code: 'readinessProbe:\n  httpGet: { path: /ready, port: 8000 }\n  periodSeconds: 5\nlivenessProbe:\n  httpGet: { path: /health, port: 8000 }\n  periodSeconds: 10\n  failureThreshold: 3' }],
    severityNote: 'P2 for a container that declares no `containerPort` and that no Service of the manifests selects (a worker or a traffic client): a readiness probe gates no traffic there. Manifest files that are not valid YAML are reported here, once, as `error`; Helm templates that do not parse are noted here as `skip` at line 1 of the template.',
  },
  async run(ctx) {
    const manifests = await loadManifests(ctx);
    return checkContainers(ctx, {
      looked: 'probes',
      reportsParseErrors: true,
      applies: (container, workload) => workload.longRunning && !container.init,
      visit(container, workload, file) {
        const missing = ['readinessProbe', 'livenessProbe'].filter((p) => container.spec[p] === undefined || container.spec[p] === null);
        if (missing.length === 0) return [];
        // A manifest: the container's line; a rendered chart: where the chart would write the probe (or its template).
        const at = pointAt(container.locate([missing[0]!]));
        const ports = container.spec.ports;
        if ((!Array.isArray(ports) || ports.length === 0) && !isSelectedByService(workload, manifests, file.path)) {
          return [{ status: 'fail', severity: 'P2', message: `${containerLabel(container, workload)} has no ${missing.join(' and no ')}. P2: it declares no containerPort and no Service selects it (a worker or a client), so a readiness probe gates no traffic; add an exec livenessProbe if a hung process should be restarted.`, ...at }];
        }
        return [{ status: 'fail', message: `${containerLabel(container, workload)} has no ${missing.join(' and no ')}.`, ...at }];
      },
    });
  },
};
