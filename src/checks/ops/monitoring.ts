import type { RepoCheck } from '../../engine/types.js';
import { MANIFEST, NON_PRODUCT_PATH } from './project.js';

/** Error tracking, metrics and tracing libraries and agents, as they appear in manifests and manifests-like files. */
export const MONITORING =
  /@sentry\/|\bsentry[-_](sdk|ruby|raven|go|rust)\b|getsentry\/sentry|"sentry"|\bsentry\s*=|\braven\b|@opentelemetry\/|\bopentelemetry[-_]|go\.opentelemetry\.io|\bprom-client\b|\bprometheus[-_]client\b|prometheus\/client_golang|\bprometheus_client\b|\bdjango-prometheus\b|\bprometheus-fastapi-instrumentator\b|\bstarlette[-_]exporter\b|\bexpress-prom-bundle\b|\bmicrometer\b|\bdd-trace\b|\bddtrace\b|DataDog\/dd-trace|\bdatadog\b|\bnewrelic\b|newrelic_rpm|newrelic\/go-agent|\belastic-apm\b|\bhoneybadger\b|\brollbar\b|\bbugsnag\b|\bscout_apm\b|\bskylight\b|\bappsignal\b|\bhighlight\.run\b|\bmetrics-exporter-prometheus\b|\bstatsd\b|\bpyroscope\b/i;
/** Deployment-side signs: scrape annotations, ServiceMonitors, collectors and agents. */
const DEPLOY_MONITORING = /prometheus\.io\/scrape|kind:\s*(ServiceMonitor|PodMonitor|PrometheusRule)|otel\/opentelemetry-collector|datadog\/agent|grafana\/agent|grafana\/alloy|newrelic\/infrastructure|\bprom\/prometheus\b|quay\.io\/prometheus\/prometheus|\bsentry_dsn\b|\bSENTRY_DSN\b|\bOTEL_EXPORTER_OTLP_ENDPOINT\b|\bDD_AGENT_HOST\b|\bNEW_RELIC_LICENSE_KEY\b/;

export const monitoring: RepoCheck = {
  id: 'ops.monitoring',
  title: 'Errors and metrics are reported somewhere',
  category: 'observability',
  severity: 'P2',
  kind: 'repo',
  roles: 'any',
  docs: {
    summary:
      'Fails when no error tracking or metrics is configured anywhere: no Sentry, OpenTelemetry, Prometheus client, Datadog, New Relic, Elastic APM, Rollbar, Bugsnag... dependency, and no scrape annotation, ServiceMonitor or agent in the deployment files.',
    why: 'Without error tracking or metrics, failures in production are found by users, and nobody can tell whether a deployment made things worse.',
    fix: 'Add an error tracker (e.g. Sentry) and expose metrics (Prometheus client or OpenTelemetry), then alert on error rate and latency.',
    snippets: [
      { stack: 'Node', code: "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 0.1 });" },
      { stack: 'Python', code: 'import sentry_sdk\nsentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), traces_sample_rate=0.1)' },
    ],
  },
  async run(ctx) {
    const manifests = ctx.files.files.filter((f) => MANIFEST.test(f.path) && !NON_PRODUCT_PATH.test(f.path));
    if (!manifests.length) return [{ status: 'skip', message: 'No dependency manifest found: no application to monitor.' }];
    for (const file of manifests) {
      const text = await ctx.files.read(file.path);
      const m = text ? MONITORING.exec(text) : null;
      if (m) return [{ status: 'pass', message: `Monitoring is configured: ${wordAt(text!, m.index)} in ${file.path}:${text!.slice(0, m.index).split('\n').length}.` }];
    }
    for (const file of ctx.files.files.filter((f) => /\.ya?ml$/.test(f.path) && f.size < 512 * 1024)) {
      const text = await ctx.files.read(file.path);
      const m = text ? DEPLOY_MONITORING.exec(text) : null;
      if (m) return [{ status: 'pass', message: `Monitoring is configured in the deployment: ${m[0]} in ${file.path}:${text!.slice(0, m.index).split('\n').length}.` }];
    }
    return [
      {
        status: 'fail',
        message: `No error tracking or metrics found in ${manifests.length} manifest(s) (${manifests.slice(0, 4).map((f) => f.path).join(', ')}${manifests.length > 4 ? '…' : ''}) or the deployment files: no Sentry, OpenTelemetry, Prometheus client, Datadog, New Relic, Elastic APM, Rollbar or Bugsnag.`,
      },
    ];
  },
};

/** The whole package name around a match (`@sentry/` -> `@sentry/node`). */
function wordAt(text: string, index: number): string {
  const part = /[@\w./-]/;
  let start = index;
  let end = index;
  while (start > 0 && part.test(text[start - 1]!)) start--;
  while (end < text.length && part.test(text[end]!)) end++;
  return text.slice(start, end);
}
