// Secrets planted by the hostile suite (issue 13, items 1 and 2): known
// shapes (made-up values) and a target that echoes them in every kind of
// response a check may quote. Shared by secrets.test.ts (the audit in process)
// and cli.test.ts (the bundled CLI as a child process).

import type { RequestListener } from 'node:http';

// Secret shapes, each with a neutral or secret-like name. Values are made up.
const HEX32 = '9c1f4e7a2b8d3f60a5e1c7b9d2f4a683';
export const AZURE_KEY = 'Zm9vYmFyYmF6cXV4' + 'Q29ycmVjdEhvcnNlQmF0dGVyeVN0YXBsZTEyMzQ1Njc4OTA' + 'aGVsbG93b3JsZGhlbGxvd29ybGQrL3Rlc3Q=';
export const SECRETS = {
  slack: 'https://hooks.slack.com/services/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',
  redisPassword: 'R3dis-Pa55word-9x',
  hex: HEX32,
  jsonPassword: 'correct horse battery staple 42',
  cellPassword: 'Hunter2-Plain-pw',
  neutral: 'q7Zk3VbX9mN2pL8rT4wY6cJ1aB5dE0fG',
  azure: AZURE_KEY,
  aws: 'AKIA' + 'Z7QW3ERTY5UIOP2A',
  github: 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o50smkjE',
  envSecret: 'dj-s3cret-k3y-from-env-file',
  configured: 'cfg-bearer-8f3kL2mQ9xZ4vT7p',
};
export const PLANTED = Object.values(SECRETS);

/** The planted value and the part a redacted form never shows (all but its first four characters). */
export function leaks(text: string): string[] {
  return PLANTED.filter((secret) => text.includes(secret) || text.includes(secret.slice(4)));
}

export const containers: Record<string, string> = {
  env: `SLACK_WEBHOOK=${SECRETS.slack}\nREDIS_URL=redis://:${SECRETS.redisPassword}@cache:6379/0\nAPI_KEY=${SECRETS.hex}\nDB_PASSWORD="${SECRETS.jsonPassword}"\nUPSTREAM_REF=${SECRETS.neutral}\nSTORAGE=DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${SECRETS.azure};EndpointSuffix=core.windows.net\n`,
  json: JSON.stringify({ password: SECRETS.jsonPassword, blob: SECRETS.neutral, token: SECRETS.hex, nested: { webhook: SECRETS.slack, cache: `redis://:${SECRETS.redisPassword}@cache:6379` } }),
  actuator: JSON.stringify({ activeProfiles: ['prod'], propertySources: [{ name: 'systemEnvironment', properties: { 'spring.datasource.password': { value: SECRETS.cellPassword, origin: 'env' }, 'app.upstream': { value: SECRETS.neutral } } }] }),
  nameValue: JSON.stringify([{ name: 'DB_PASSWORD', value: SECRETS.jsonPassword }, { name: 'CACHE_REF', value: SECRETS.neutral }]),
  phpinfo: `<table><tr><td class="e">DB_PASSWORD </td><td class="v">${SECRETS.cellPassword} </td></tr><tr><td class="e">$_SERVER['UPSTREAM'] </td><td class="v">${SECRETS.neutral} </td></tr><tr><td class="e">AZURE</td><td class="v">AccountName=a;AccountKey=${SECRETS.azure};</td></tr></table>`,
  django: `<tr><td>DATABASE_PASSWORD</td><td class="code"><pre>&#x27;${SECRETS.cellPassword}&#x27;</pre></td></tr>`,
  yaml: `password: ${SECRETS.cellPassword}\nsecret_token: ${SECRETS.hex}\n`,
  prose: `GET /login?token=${SECRETS.hex}&next=/ HTTP/1.1 from 10.0.0.1; notify ${SECRETS.slack} with ${SECRETS.aws} and ${SECRETS.github}`,
};

/** Echoes the planted secrets from every path a check probes, and the configured Authorization header in a PHP warning. */
export const plantedHandler: RequestListener = (req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const auth = String(req.headers['authorization'] ?? '');
  const send = (status: number, type: string, body: string): void => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  if (path === '/') return send(200, 'text/html', '<!doctype html><title>app</title>');
  if (path === '/.env') return send(200, 'text/plain', containers['env']!);
  if (path === '/actuator/env') return send(200, 'application/json', containers['actuator']!);
  if (path === '/debug/vars') return send(200, 'application/json', JSON.stringify({ cmdline: ['app', `--token=${SECRETS.hex}`, `--cache=redis://:${SECRETS.redisPassword}@c`], memstats: {}, blob: SECRETS.neutral }));
  if (path === '/phpinfo.php') return send(200, 'text/html', `<title>PHP 8.2 phpinfo()</title>PHP Version 8.2 ${containers['phpinfo']!} PHP License`);
  if (path === '/server-status') return send(200, 'text/html', `Apache Server Status ${containers['prose']!}`);
  if (path === '/health') return send(200, 'application/json', JSON.stringify({ status: 'ok', config: { password: SECRETS.jsonPassword, ref: SECRETS.neutral, hook: SECRETS.slack } }));
  // A PHP warning that echoes the configured Authorization header into its text (the message quotes it).
  if (path?.includes('probe')) {
    return send(500, 'text/html', `<b>Warning</b>: bad header ${auth} azure AccountKey=${SECRETS.azure} in <b>/var/www/index.php</b> on line <b>3</b>`);
  }
  return send(404, 'text/html', containers['django']! + `<p>You're seeing this error because you have <code>DEBUG = True</code></p>`);
};
