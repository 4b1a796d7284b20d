import type { RepoCheck } from '../../engine/types.js';
import { describeSpringSetting, settingText } from '../../model/frameworks/spring.js';
import { forEachSpringApp, locationOf } from './common.js';

const TRUE = /^true$/i;

export const springH2Console: RepoCheck = {
  id: 'spring.h2-console',
  title: 'The H2 console is off in production',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary:
      'Fails when the configuration production loads enables the H2 web console (`spring.h2.console.enabled: true`) and H2 is a dependency of the build: P0 with `spring.h2.console.settings.web-allow-others: true`, P1 otherwise (local connections only, which is everyone behind a proxy on the same host).',
    why: 'Spring Boot\'s reference ("H2 Console") says the console is only intended for use during development and that `web-allow-others` must not be on in production: it runs any SQL, and through H2\'s functions any code, for whoever opens it.',
    fix: 'Enable the console in the development profile only (`application-dev.yml`), never in `application.yml` or the production profile.',
    severityNote: 'P1 when `web-allow-others` is not on: the console then accepts local connections only.',
  },
  run: (ctx) =>
    forEachSpringApp(ctx, async (app) => {
      const enabled = app.get('spring.h2.console.enabled');
      if (!enabled || !TRUE.test(settingText(enabled) ?? '')) return [{ status: 'pass', message: enabled ? `${describeSpringSetting(enabled)}: the H2 console is off.` : 'spring.h2.console.enabled is not set in the configuration production loads: the console is off.' }];
      // Spring Boot auto-configures the console only with H2 on the classpath (com.h2database:h2).
      const builds = await Promise.all(app.buildFiles.map((b) => ctx.files.read(b)));
      if (app.buildFiles.length && !builds.some((t) => t && /com\.h2database|['":]h2['":]|<artifactId>h2<\/artifactId>/.test(t))) {
        return [{ status: 'pass', message: `${describeSpringSetting(enabled)}, but H2 is not a dependency of ${app.buildFiles.join(', ')}: there is no console to serve.` }];
      }
      const others = app.get('spring.h2.console.settings.web-allow-others');
      if (others && TRUE.test(settingText(others) ?? '')) {
        return [{ status: 'fail', message: `${describeSpringSetting(enabled)} and ${describeSpringSetting(others)}: anyone who reaches the application gets an SQL console on its database.`, location: locationOf(enabled) }];
      }
      return [
        {
          status: 'fail',
          severity: 'P1',
          message: `${describeSpringSetting(enabled)}: the H2 console is served in production; it accepts local connections only, which behind a reverse proxy on the same host is every request.`,
          location: locationOf(enabled),
        },
      ];
    }),
};
