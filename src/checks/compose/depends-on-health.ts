import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { dependenciesOf, hasHealthcheck } from '../../parse/compose.js';
import { checkComposeServices, serviceLabel } from './common.js';

export const composeDependsOnHealth: RepoCheck = {
  id: 'compose.depends-on-health',
  title: 'depends_on waits for healthy dependencies',
  category: 'reliability',
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary: 'Fails for each `depends_on` entry naming a service that has a healthcheck, without `condition: service_healthy` (the short list form can never wait).',
    why: 'Plain `depends_on` only orders container starts: the app starts while the database is still initialising, fails its first connections and crash-loops or serves errors.',
    fix: 'Use the long form with `condition: service_healthy` for dependencies that have a healthcheck.',
    snippets: [{ stack: 'Compose', code: 'services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy' }],
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'depends_on conditions',
      applies: (service) => dependenciesOf(service).length > 0,
      visit(service, file): FindingInput[] {
        const out: FindingInput[] = [];
        for (const dep of dependenciesOf(service)) {
          const target = file.services.find((s) => s.name === dep.name);
          if (!target || !hasHealthcheck(target) || dep.condition === 'service_healthy') continue;
          const how = dep.condition ? `with condition ${dep.condition}` : 'without a condition';
          out.push({
            status: 'fail',
            message: `${serviceLabel(service)} depends on \`${dep.name}\` ${how}, although \`${dep.name}\` has a healthcheck: use condition: service_healthy.`,
            location: service.locate(['depends_on', dep.name]),
          });
        }
        return out;
      },
    });
  },
};
