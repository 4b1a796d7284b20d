import type { RepoCheck } from '../../engine/types.js';
import { describeSpringSetting, settingText } from '../../model/frameworks/spring.js';
import { forEachSpringApp, locationOf } from './common.js';

export const springErrorStacktrace: RepoCheck = {
  id: 'spring.error-stacktrace',
  title: 'Spring Boot error pages carry no stack traces',
  category: 'security',
  severity: 'P0',
  kind: 'repo',
  docs: {
    summary: 'Fails when the configuration production loads sets `server.error.include-stacktrace` to `always`, or to `on-param` (any client adds `?trace=true`).',
    why: 'Spring Boot\'s reference ("Error Handling", `server.error.include-stacktrace`, default `never`) adds the stack trace to every error response when this is on: class names, library versions and code paths handed to anyone who can provoke an error.',
    fix: 'Remove the setting (the default is `never`) or set `server.error.include-stacktrace: never` in the production profile.',
  },
  run: (ctx) =>
    forEachSpringApp(ctx, (app) => {
      const s = app.get('server.error.include-stacktrace');
      const value = settingText(s)?.toLowerCase().replace(/_/g, '-');
      if (!s || (value !== 'always' && value !== 'on-param')) return [{ status: 'pass', message: s ? `${describeSpringSetting(s)}: stack traces stay out of error responses.` : 'server.error.include-stacktrace is not set: Spring Boot\'s default is never.' }];
      const when = value === 'always' ? 'every error response' : 'any error response whose request adds ?trace=true';
      return [{ status: 'fail', message: `${describeSpringSetting(s)}: ${when} carries the stack trace.`, location: locationOf(s) }];
    }),
};
