import type { RepoCheck } from '../../engine/types.js';
import { isOneShot } from '../../parse/compose.js';
import { checkComposeServices, serviceLabel } from './common.js';

export const composeResourceLimits: RepoCheck = {
  id: 'compose.resource-limits',
  title: 'Compose services have a memory limit',
  category: 'reliability',
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary: 'Fails for each long-running compose service with neither `mem_limit` nor `deploy.resources.limits.memory` as its compose deployment runs it (the `-f` files merged: a limit set by the overlay counts); one-shot jobs are not judged.',
    why: 'Without a limit one leaking service can take all the host memory, and the kernel OOM killer then picks a victim that may be your database.',
    fix: 'Set `deploy.resources.limits.memory` (honoured by `docker compose up` since Compose v2) or `mem_limit`, sized from observed usage plus headroom.',
    snippets: [{ stack: 'Compose', code: 'services:\n  web:\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "1.0"' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'memory limits of long-running services',
      judgesAbsence: true,
      applies: (service, file) => !isOneShot(service, file),
      visit(service) {
        if (service.has(['mem_limit']) || service.has(['deploy', 'resources', 'limits', 'memory'])) return [];
        const at = service.has(['deploy', 'resources']) ? service.locate(['deploy', 'resources']) : service.locate([]);
        return [{ status: 'fail', message: `${serviceLabel(service)} has no memory limit (mem_limit or deploy.resources.limits.memory).`, location: at }];
      },
    });
  },
};
