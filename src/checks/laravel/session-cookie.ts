import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { phpRepr, phpTruthy, resolveSetting, type LaravelSetting } from '../../model/frameworks/laravel.js';
import { envFilesNote, forEachLaravelConfig } from './common.js';

export const sessionCookie: RepoCheck = {
  id: 'laravel.session-cookie',
  title: 'Laravel session cookie is Secure and not SameSite=None',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails when production\'s `config/session.php` leaves `\'secure\'` off (a literal false or null, or an `env()` default of false/null that no production env file overrides), or sets `\'same_site\' => \'none\'`.',
    why: 'config/session.php: "By setting this option to true, session cookies will only be sent back to the server if the browser has a HTTPS connection. This will keep the cookie from being sent to you when it can\'t be done securely." and, of same_site, it "can be used to mitigate CSRF attacks"; `none` sends the session with every cross-site request. Only the application can mark its cookie Secure (the same weight as Django\'s SESSION_COOKIE_SECURE).',
    fix: 'Set `SESSION_SECURE_COOKIE=true` in production (or `\'secure\' => env(\'SESSION_SECURE_COOKIE\', true)`) and keep `\'same_site\' => \'lax\'`.',
    snippets: [{ stack: 'Laravel', code: "'secure' => env('SESSION_SECURE_COOKIE', true),\n'same_site' => env('SESSION_SAME_SITE', 'lax')," }],
  },
  run: (ctx) =>
    forEachLaravelConfig(ctx, 'session', (app, config) => {
      const findings: FindingInput[] = [];
      const at = (s: LaravelSetting) => (s.setBy ? { path: s.setBy.path, line: s.setBy.line } : { path: s.path, line: s.line });
      const secure = resolveSetting(app, config.path, config.file, 'secure');
      if (!secure) {
        findings.push({ status: 'fail', message: `'secure' is not set in ${config.path}: Laravel sends the session cookie over plain HTTP too.`, file: config.path });
      } else if (secure.known && !phpTruthy(secure.value)) {
        findings.push({ status: 'fail', message: `${secure.how}: the session cookie is not Secure, so it is also sent over plain HTTP where it can be sniffed (${envFilesNote(app)}).`, location: at(secure) });
      }
      const sameSite = resolveSetting(app, config.path, config.file, 'same_site');
      if (sameSite?.known && typeof sameSite.value === 'string' && sameSite.value.toLowerCase() === 'none') {
        findings.push({ status: 'fail', message: `${sameSite.how}: the session cookie goes with every cross-site request, so CSRF protection rests on the token alone.`, location: at(sameSite) });
      }
      if (findings.length) return findings;
      return [{ status: 'pass', message: `${secure!.how}${secure!.known ? ` (${phpRepr(secure!.value)})` : ''}; same_site ${sameSite?.known ? phpRepr(sameSite.value) : 'not judged'}.` }];
    }),
};
