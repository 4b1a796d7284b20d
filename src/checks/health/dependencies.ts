import type { FindingInput, LiveCheck } from '../../engine/types.js';
import type { HttpClient } from '../../http/client.js';
import { describeExchange } from '../../http/evidence.js';
import { discoverHealth, label, parseJson, roleName, type HealthDiscovery } from './discover.js';
import { dependenciesOf } from './payload.js';

export const healthDependencies: LiveCheck = {
  id: 'health.dependencies',
  title: 'Health payload reports every dependency up',
  category: 'reliability',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary:
      'Fails when a health or readiness payload reports a dependency that is down (Spring `components`, the IETF health-check draft `checks`, NestJS Terminus, ASP.NET `entries`, nested `{"checks":{"redis":{"status":"fail"}}}` or flat `{"database":"down"}`), naming each one.',
    why: 'A service whose database, cache or queue is unreachable fails every request that needs it; its own health payload already says so, and shipping on top of that turns a known outage into an incident.',
    fix: 'Restore the failing dependency (connection string, credentials, network policy, the dependency itself) before shipping, or remove it from the readiness check if the service truly works without it.',
    traffic: 'None of its own: reads the answers health.endpoint collected.',
  },
  async run(ctx) {
    return findingsForDependencies(await discoverHealth(ctx), ctx.http);
  },
};

export function findingsForDependencies(discovery: HealthDiscovery, http: Pick<HttpClient, 'secretHeaderNames'>): FindingInput[] {
  if (!discovery.found.length) return [{ status: 'skip', message: 'No health endpoint answered, so no payload to read (see health.endpoint).' }];
  const findings: FindingInput[] = [];
  for (const probe of discovery.found) {
    if (!probe.result.ok) continue;
    const response = probe.result.response;
    const deps = dependenciesOf(parseJson(response));
    if (!deps.length) continue;
    const name = `${roleName(probe.role)} ${label(probe.endpoint)}`;
    const down = deps.filter((d) => d.word !== 'healthy');
    const evidence = describeExchange(response, {
      headers: ['content-type'],
      bodyExcerpt: 400,
      bodyMatch: down[0]?.name,
      secretHeaders: http.secretHeaderNames,
    });
    findings.push(
      down.length
        ? {
            status: 'fail',
            message: `${name} reports ${down.length} of ${deps.length} dependencies not healthy: ${down.map((d) => `${d.name} ("${d.value}")`).join(', ')}.`,
            url: response.url,
            evidence,
          }
        : {
            status: 'pass',
            message: `${name} reports ${deps.length} ${deps.length === 1 ? 'dependency' : 'dependencies'}, all healthy: ${deps.map((d) => d.name).join(', ')}.`,
            url: response.url,
            evidence,
          },
    );
  }
  if (!findings.length) {
    const looked = discovery.found.map((p) => p.endpoint.path).join(', ');
    return [{ status: 'skip', message: `No health payload lists dependencies (read ${looked}).` }];
  }
  return findings;
}
