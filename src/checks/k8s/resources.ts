import type { RepoCheck } from '../../engine/types.js';
import { isPlainObject } from '../../parse/compose.js';
import { checkContainers, containerLabel, pointAt } from './common.js';

/** What is missing among memory limit, CPU request and memory request. */
export function missingResources(spec: Record<string, unknown>): string[] {
  const resources = isPlainObject(spec.resources) ? spec.resources : {};
  const limits = isPlainObject(resources.limits) ? resources.limits : {};
  const requests = isPlainObject(resources.requests) ? resources.requests : {};
  const missing: string[] = [];
  if (limits.memory === undefined || limits.memory === null) missing.push('limits.memory');
  // Kubernetes copies a limit into an unset request of the same resource (a CPU limit alone is the CPU request).
  if ((requests.cpu === undefined || requests.cpu === null) && (limits.cpu === undefined || limits.cpu === null)) missing.push('requests.cpu');
  // A memory limit alone makes the request equal to it (Kubernetes defaulting), so it is not missing then.
  if ((requests.memory === undefined || requests.memory === null) && (limits.memory === undefined || limits.memory === null)) missing.push('requests.memory');
  return missing;
}

export const k8sResources: RepoCheck = {
  id: 'k8s.resources',
  title: 'Containers declare memory limits and requests',
  category: 'reliability',
  // SEVERITY.md: missing probes (healthchecks) and resource limits are P2.
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each container and init container without `resources.limits.memory`, without a CPU request or without a memory request (a limit alone counts as the request of its resource, as Kubernetes defaults it). CPU limits are not required (they cause throttling).',
    severityNote: 'P2 for init containers: they run to completion before the pod starts.',
    why: 'Without requests the scheduler packs pods blindly and evicts them first under pressure (BestEffort QoS); without a memory limit one leaking pod can starve its node.',
    fix: 'Set `requests.cpu`, `requests.memory` and `limits.memory` from observed usage; leave CPU limits off unless you need hard isolation.',
    snippets: [{ stack: 'Kubernetes', code: 'resources:\n  requests: { cpu: 100m, memory: 256Mi }\n  limits: { memory: 512Mi }' }],
  },
  run(ctx) {
    return checkContainers(ctx, {
      looked: 'resources',
      visit(container, workload) {
        const missing = missingResources(container.spec);
        if (missing.length === 0) return [];
        const message = `${containerLabel(container, workload)} has no resources.${missing.join(', no resources.')}.`;
        // An init container runs to completion before the pod starts: the scheduler reserves max(init, sum of containers), so its own unset requests rarely matter.
        if (container.init) return [{ status: 'fail', severity: 'P2', message: `${message} P2: an init container runs once, before the others start.`, ...pointAt(container.locate(['resources'])) }];
        return [{ status: 'fail', message, ...pointAt(container.locate(['resources'])) }];
      },
    });
  },
};
