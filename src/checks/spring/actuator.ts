import type { RepoCheck } from '../../engine/types.js';
import { settingText, describeSpringSetting } from '../../model/frameworks/spring.js';
import { forEachSpringApp, locationOf } from './common.js';

// Endpoints that hand out memory, configuration, logs or control (docs.spring.io/spring-boot/reference/actuator/endpoints.html).
const SENSITIVE = ['heapdump', 'env', 'configprops', 'threaddump', 'logfile', 'shutdown', 'jolokia', 'loggers', 'httpexchanges', 'sessions', 'beans', 'mappings'];
// What `*` exposes in any application: the others need a dependency or a bean (Jolokia, Spring Session, an exchange repository, a log file).
const ALWAYS_PRESENT = ['heapdump', 'env', 'configprops', 'threaddump', 'loggers', 'beans', 'mappings'];
// A SecurityFilterChain rule that lets everyone at the actuator endpoints.
const PERMIT_ALL = /EndpointRequest\s*\.\s*toAnyEndpoint\s*\(\s*\)[^;]{0,120}?\.permitAll\s*\(|["']\/(actuator|management)\/\*\*["'][^;]{0,120}?\.permitAll\s*\(/;
// A chain that lets everyone at everything, with no rule of its own for the endpoints.
const PERMIT_EVERYTHING = /\.anyRequest\s*\(\s*\)\s*\.permitAll\s*\(/;
const NAMES_ENDPOINTS = /EndpointRequest|["']\/(actuator|management)\b/;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

const list = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

export const springActuator: RepoCheck = {
  id: 'spring.actuator-exposure',
  title: 'Spring Boot Actuator endpoints are not open to everyone',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when the configuration production loads exposes sensitive Actuator endpoints over HTTP (`management.endpoints.web.exposure.include: "*"`, or `heapdump`, `env`, `configprops`, `threaddump`, `logfile`, `shutdown`, `loggers`...) and nothing authenticates them: Spring Security is not a dependency of the build, or a `SecurityFilterChain` permits everyone at `EndpointRequest.toAnyEndpoint()` or `/actuator/**` (or at `anyRequest()` with no rule for the endpoints). A management server bound to loopback (`management.server.address: 127.0.0.1`) passes.',
    why: 'Spring Boot\'s reference ("Exposing Endpoints") warns that endpoints may contain sensitive information and should be exposed with care and secured: `/actuator/heapdump` hands anyone the process memory (passwords, tokens, session ids), `/actuator/env` and `/configprops` the configuration, `/actuator/loggers` lets them change logging.',
    fix: 'Expose only what is needed (`management.endpoints.web.exposure.include: health,info,prometheus`), or put the endpoints behind Spring Security (`requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")`) or on a management port bound to loopback.',
    snippets: [{ stack: 'Spring Boot', code: 'management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info' }],
  },
  run: (ctx) =>
    forEachSpringApp(ctx, async (app) => {
      const include = app.get('management.endpoints.web.exposure.include');
      const exclude = list(settingText(app.get('management.endpoints.web.exposure.exclude')));
      const exposed = list(settingText(include));
      const open = exposed.includes('*') ? ALWAYS_PRESENT.filter((e) => !exclude.includes(e)) : exposed.filter((e) => SENSITIVE.includes(e) && !exclude.includes(e));
      if (!include || !open.length) return [{ status: 'pass', message: include ? `${describeSpringSetting(include)}: no sensitive endpoint is exposed over HTTP.` : 'management.endpoints.web.exposure.include is not set: Spring Boot exposes only health over HTTP.' }];
      const address = settingText(app.get('management.server.address'));
      if (address && LOOPBACK.test(address)) return [{ status: 'pass', message: `${describeSpringSetting(include)}, but the management server listens on ${address} only.` }];
      const what = `${describeSpringSetting(include)} exposes ${open.join(', ')} over HTTP`;
      if (!app.security) {
        const builds = app.buildFiles.length ? app.buildFiles.join(', ') : 'no build file found';
        return [{ status: 'fail', message: `${what}, and Spring Security is not a dependency (${builds}): anyone who reaches the application can download a heap dump and read its configuration.`, location: locationOf(include) }];
      }
      for (const path of app.sources) {
        const text = await ctx.files.read(path);
        const m = text ? (PERMIT_ALL.exec(text) ?? (NAMES_ENDPOINTS.test(text) ? null : PERMIT_EVERYTHING.exec(text))) : null;
        if (!m || !text) continue;
        const line = text.slice(0, m.index).split('\n').length;
        return [{ status: 'fail', message: `${what}, and ${path}:${line} permits everyone at them (\`${m[0].replace(/\s+/g, ' ').slice(0, 80)}\`).`, location: { path, line } }];
      }
      return [{ status: 'pass', message: `${what}; Spring Security is a dependency and no rule of the application permits everyone at them (Spring Boot then requires authentication for every endpoint but health).` }];
    }),
};
