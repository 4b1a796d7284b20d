import type { RepoCheck } from '../../engine/types.js';
import { isOneShot } from '../../parse/compose.js';
import { checkComposeServices, serviceLabel } from './common.js';

export const composeRestartPolicy: RepoCheck = {
  id: 'compose.restart-policy',
  title: 'Compose services restart after a crash',
  category: 'reliability',
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary: 'Fails for each long-running compose service with neither `restart:` nor `deploy.restart_policy` as its compose deployment runs it (the `-f` files merged: `restart:` set by the overlay counts); one-shot jobs are not judged.',
    why: "Compose's default is `restart: \"no\"`: a process that crashes or is OOM-killed stays down, and so does everything after a host reboot.",
    fix: 'Set `restart: unless-stopped` (or `always`/`on-failure`), or `deploy.restart_policy.condition: on-failure` for Swarm.',
    snippets: [{ stack: 'Compose', code: 'services:\n  web:\n    restart: unless-stopped' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'restart policies of long-running services',
      judgesAbsence: true,
      applies: (service, file) => !isOneShot(service, file),
      visit(service) {
        if (service.has(['restart']) || service.has(['deploy', 'restart_policy'])) return [];
        return [{ status: 'fail', message: `${serviceLabel(service)} has no restart policy (compose default: "no").`, location: service.locate([]) }];
      },
    });
  },
};
