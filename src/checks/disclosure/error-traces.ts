import { burstPolicy } from '../../engine/bursts.js';
import type { FindingInput, LiveCheck } from '../../engine/types.js';
import type { HttpResult } from '../../http/client.js';
import { describeExchange, excerpt } from '../../http/evidence.js';
import { discoverEndpoints, MAX_DISCOVERED_API } from '../../http/endpoints.js';
import { incompleteProbes, isLoopbackVantage } from '../../http/surface.js';
import { askFromVantage, judgeByVantage } from '../../http/vantage.js';
import { BAD_JSON, findDebugTell, jsonEndpoint } from './debug-mode.js';

const ID = 'disclosure.error-traces';

/** Values of the wrong type or out of range for the parameters data endpoints usually take. */
export const WRONG_TYPES = "id=readiness-gate'&limit=-1&offset=1e309&page=NaN&date=not-a-date&from=9999-99-99";

interface Probe {
  what: string;
  result: HttpResult;
}

export const errorTraces: LiveCheck = {
  id: ID,
  title: 'Malformed input gets an error, not a stack trace',
  category: 'security',
  severity: 'P0',
  kind: 'live',
  docs: {
    summary:
      'Sends a malformed JSON body (POST) and wrong-typed, out-of-range query parameters (GET) to the API endpoints configured or discovered (a recognised product\'s API, /api/ and .json links in the page) and fails when an answer carries a stack trace or a framework debug page (the same tells as disclosure.debug-mode).',
    why: "Many apps print traces only from their error handler, which the usual probes never reach: an Express app's default handler prints the stack for a body it cannot parse unless NODE_ENV=production, giving away paths, versions and code.",
    fix: 'Run with production settings (NODE_ENV=production, DEBUG off) and answer parse and validation errors with a 400 and a short message; log the trace instead.',
    snippets: [{ stack: 'Express', code: "app.use((err, req, res, next) => res.status(err.status ?? 500).json({ error: err.expose ? err.message : 'internal error' }));" }],
    severityNote: 'P0. For a recognised product that listens on loopback by default (JSON Server, TiddlyWiki, Syncthing) seen from a loopback client, one more connection to the same port on another address of this machine decides: answered there, P0; refused, P2 (local clients only); not told apart, P1. Apps of unknown kind are judged as they answer, whatever address the audit reaches them on.',
    traffic: `Per endpoint (at most ${MAX_DISCOVERED_API}), one GET with wrong-typed parameters and one POST with a malformed JSON body (rejected by the parser before any handler runs, so nothing changes; the configured JSON endpoint disclosure.debug-mode already probes is left out). Sent by default only to loopback and private addresses (allow-probes: true or --allow-bursts for others).`,
  },
  async run({ exchanges, target, http, config }) {
    const policy = burstPolicy(target, 'probes');
    if (!policy.allowed) return [{ status: 'skip', message: `Not probed: ${policy.reason}.` }];
    const { api, products } = await discoverEndpoints(exchanges, target);
    const paths = [...new Set([...target.paths.api, ...target.paths.json].map((e) => e.path).concat(api.map((a) => a.path)))].slice(0, MAX_DISCOVERED_API);
    if (!paths.length) return [{ status: 'skip', message: 'No API endpoint configured (api:, json:) or discovered in the base page, so no malformed input to send.' }];
    const alreadyJson = jsonEndpoint(target)?.path;
    const probes: Array<Promise<Probe>> = [];
    for (const path of paths) {
      const url = exchanges.url(path);
      const query = `${url}${url.includes('?') ? '&' : '?'}${WRONG_TYPES}`;
      probes.push(exchanges.get(`wrong-types:${path}`, { url: query }, { owner: ID }).then((result) => ({ what: `GET ${path} with wrong-typed parameters`, result })));
      if (path === alreadyJson) continue;
      probes.push(
        exchanges
          .get(`malformed-json:POST:${path}`, { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: BAD_JSON }, { owner: ID })
          .then((result) => ({ what: `POST ${path} with a malformed JSON body`, result })),
      );
    }
    const answered = await Promise.all(probes);
    const findings: FindingInput[] = [];
    for (const { what, result } of answered) {
      if (!result.ok) continue;
      const tell = findDebugTell(result.response.body);
      if (!tell) continue;
      // The same trace from several endpoints (one body parser before every route) is one cause.
      const same = findings.find((f) => f.message.includes(excerpt(tell.fragment, 120)));
      if (same) {
        same.message = same.message.replace(/\.$/, `; the same from ${what}.`);
        continue;
      }
      findings.push({
        status: 'fail',
        message: `${what} answers ${result.response.status} with a ${tell.framework}: "${excerpt(tell.fragment, 120)}".`,
        url: result.response.url,
        evidence: describeExchange(result.response, { headers: ['content-type'], bodyExcerpt: 400, bodyMatch: tell.fragment, secretHeaders: http.secretHeaderNames }),
      });
    }
    if (findings.length) {
      // A product that listens on loopback by default (JSON Server), seen from a loopback client: a trace only
      // local clients can provoke is not the public disclosure the rubric blocks on. One more connection, to the
      // same port on another address of this machine, tells. An app of unknown kind is judged as it answers: the
      // audit stands for production, whatever address a CI job started it on.
      const localOnly = isLoopbackVantage(target.url) ? products.find((p) => p.localOnlyByDefault)?.localOnlyByDefault : undefined;
      if (localOnly) {
        const judged = judgeByVantage(await askFromVantage(exchanges, { targetUrl: target.url, setting: config.http.localVantage, path: '/', localOnly, owner: ID }, () => true), localOnly);
        for (const f of findings) {
          f.message += judged.note;
          if (judged.severity) f.severity = judged.severity;
        }
      }
      return findings;
    }
    const incomplete = incompleteProbes(answered.map((a) => a.result), 'malformed-input');
    if (incomplete) return [incomplete];
    const seen = answered.map(({ what, result }) => `${what}: ${result.ok ? result.response.status : result.error.code}`).join('; ');
    return [{ status: 'pass', message: `No stack trace in ${answered.length} answer(s) to malformed input: ${seen}.` }];
  },
};
