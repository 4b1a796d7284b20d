// Which web framework served a response, from what it announces by default: its session and CSRF cookie names
// (Django `sessionid`/`csrftoken`, express-session `connect.sid`, `laravel_session`, `JSESSIONID`, `PHPSESSID`,
// `ASP.NET_SessionId`) and its headers (`X-Powered-By: Express`, `Server: Werkzeug`, `Server: uvicorn`,
// `X-Runtime` of Rails). Live checks use it to write a fix for that framework; an unknown one gets the generic fix.

import type { HttpResponse } from '../http/client.js';

export type Framework = 'django' | 'flask' | 'starlette' | 'express' | 'nextjs' | 'rails' | 'laravel' | 'php' | 'spring' | 'aspnet';

export interface ServedBy {
  framework: Framework;
  /** What gave it away, for the fix text (`cookie sessionid`, `X-Powered-By: Express`). */
  sign: string;
}

// Most specific first: a Laravel app also runs PHP, a Next.js app also says Express in places.
const BY_COOKIE: Array<[RegExp, Framework]> = [
  [/^(sessionid|csrftoken)$/, 'django'],
  [/^laravel_session$/i, 'laravel'],
  [/^connect\.sid$/, 'express'],
  [/^_[\w-]+_session$/, 'rails'],
  [/^JSESSIONID$/, 'spring'],
  [/^(ASP\.NET_SessionId|\.AspNetCore\.[\w.]+)$/, 'aspnet'],
  [/^PHPSESSID$/, 'php'],
];

const BY_HEADER: Array<[string, RegExp, Framework]> = [
  ['x-powered-by', /^Next\.js/i, 'nextjs'],
  ['x-powered-by', /^Express$/i, 'express'],
  ['x-powered-by', /^ASP\.NET/i, 'aspnet'],
  ['x-powered-by', /^PHP\//i, 'php'],
  ['server', /^Werkzeug\//i, 'flask'],
  ['server', /^(uvicorn|hypercorn)$/i, 'starlette'],
  ['x-runtime', /^\d+(\.\d+)?$/, 'rails'],
];

export function servedBy(responses: readonly Pick<HttpResponse, 'headers' | 'setCookies'>[]): ServedBy | undefined {
  for (const response of responses) {
    for (const header of response.setCookies) {
      const name = header.slice(0, Math.max(0, header.indexOf('='))).trim();
      const framework = BY_COOKIE.find(([pattern]) => pattern.test(name))?.[1];
      if (framework) return { framework, sign: `its cookie ${name}` };
    }
  }
  for (const response of responses) {
    for (const [header, pattern, framework] of BY_HEADER) {
      const value = response.headers[header]?.trim();
      if (value !== undefined && pattern.test(value)) return { framework, sign: `${header}: ${value.slice(0, 40)}` };
    }
  }
  return undefined;
}

const FRAMEWORK_NAME: Record<Framework, string> = {
  django: 'Django',
  flask: 'Flask',
  starlette: 'Starlette/FastAPI',
  express: 'Express',
  nextjs: 'Next.js',
  rails: 'Rails',
  laravel: 'Laravel',
  php: 'PHP',
  spring: 'Spring/Java servlet',
  aspnet: 'ASP.NET Core',
};

/** `served by Django, by its cookie sessionid`: why a fix is written for that framework. */
export function frameworkName(served: ServedBy): string {
  return `served by ${FRAMEWORK_NAME[served.framework]}, by ${served.sign}`;
}
