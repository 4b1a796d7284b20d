import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { isHighEntropySecret, scanForSecrets, shannonEntropy } from '../../src/checks/secrets/rules.js';
import { audit, messages, where } from './helpers.js';
import { publicClientKey } from '../../src/model/values.js';

// Every token is assembled at run time, so this test file itself holds no
// literal credential for secrets.hardcoded (or gitleaks) to find.
const j = (...parts: string[]): string => parts.join('');
const TOKENS = {
  awsId: j('AKIA', 'QW3R', 'T5YU', 'I7OP', 'L2KJ'),
  awsSecret: j('q8Vn', 'Z3xR', 'm1Tb', 'K7wP', 'c4Ld', 'S9fH', 'j2Ga', 'N6eY', 'u0Ro', 'B5iM'),
  github: j('ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o50smkjE'),
  gitlab: j('glpat', '-', 'x1Y2z3A4b5C6d7E8f9G0'),
  slack: j('xoxb', '-', '918273645012-5647382910564-AbCdEfGhIjKlMnOpQrStUvWx'),
  stripe: j('sk', '_live_', '51HqLyjWDarjtT1zdp7dcXYZabc123'),
  npm: j('npm', '_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O50Zb5Hm'),
  openai: j('sk-', 'abcDEF123ghiJKL456mn', 'T3BlbkFJ', 'opqRST789uvwXYZ012ab'),
  google: j('AIza', 'SyD-1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6'),
  jwt: j('eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJvd25lciJ9', '.', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
  key: j('-----BEGIN ', 'RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA ', 'PRIVATE KEY-----'),
  generic: j('Zx81', 'qLm2', 'Vb7T', 'yR4w', 'Np9K'),
};

const CONFIG_PY = `AWS_ACCESS_KEY_ID = "${TOKENS.awsId}"
AWS_SECRET_ACCESS_KEY = "${TOKENS.awsSecret}"
GITHUB = "${TOKENS.github}"
GITLAB = "${TOKENS.gitlab}"
SLACK = "${TOKENS.slack}"
STRIPE = "${TOKENS.stripe}"
NPM = "${TOKENS.npm}"
OPENAI = "${TOKENS.openai}"
GOOGLE = "${TOKENS.google}"
TOKEN = "${TOKENS.jwt}"
DATABASE_URL = "postgres://app:${j('Sn0wy', '-Owl-42')}@db:5432/app"
client_secret = "${TOKENS.generic}"
`;

describe('secrets.hardcoded', () => {
  it('finds each credential by its rule, at its line, never showing it', async () => {
    const result = await audit(secretsChecks, {
      'app/config.py': CONFIG_PY,
      'deploy/key.pem': `${TOKENS.key}\n`,
      'src/app.ts': `const password = getPassword();\nconst apiKey = "${TOKENS.generic}";\n`,
      // The application's own source, as its manifests declare it: production by evidence, so the guessing rules count at P0 too.
      'pyproject.toml': '[project]\nname = "app"\nversion = "1.0.0"\n',
      'app/__init__.py': '',
      'package.json': '{"name": "web", "version": "1.0.0", "main": "src/app.ts"}\n',
    });
    expect(where(result, 'secrets.hardcoded')).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `fail P0 app/config.py:${i + 1}`),
      'fail P0 deploy/key.pem:1',
      'fail P0 src/app.ts:2',
    ]);
    const rules = messages(result, 'secrets.hardcoded').map((m) => /\(rule ([\w-]+)\)/.exec(m)?.[1]);
    expect(rules).toEqual([
      'aws-access-key-id', 'aws-secret-access-key', 'github-token', 'gitlab-token', 'slack-token', 'stripe-live-key', 'npm-token',
      'openai-api-key', 'google-api-key', 'jwt', 'url-credentials', 'generic-secret-assignment', 'private-key', 'generic-secret-assignment',
    ]);
    const text = JSON.stringify(result.findings);
    for (const token of Object.values(TOKENS)) expect(text).not.toContain(token.slice(5, 20));
    expect(messages(result, 'secrets.hardcoded')[0]).toBe('AWS access key id (rule aws-access-key-id) at app/config.py:1: AKIA[redacted, 20 chars].');
  });

  it('ignores documented examples, placeholders, references, test keys and marked fixtures', async () => {
    const result = await audit(secretsChecks, {
      'docs/aws.md': 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
      'settings.py': 'SECRET_KEY = os.environ["SECRET_KEY"]\nDATABASE_URL = "postgres://user:${DB_PASSWORD}@db/app"\nURL = "postgres://user:password@localhost/app"\n',
      'src/pay.ts': `const key = "${j('sk', '_test_', '51HqLyjWDarjtT1zdp7dcXYZabc123')}";\nconst token = tokenFromHeader;\n`,
      '__tests__/fixtures/token.txt': `${TOKENS.github} # readiness-gate:allow-secret\n${TOKENS.stripe} # gitleaks:allow\n`,
      'src/pem.ts': "const HEADER = '-----BEGIN PRIVATE KEY-----';\n",
      '.env.example': 'API_KEY=your_api_key_here\nSECRET_KEY=<generate one>\nJWT_SECRET=${JWT_SECRET}\n',
      'package-lock.json': `{"token": "${TOKENS.generic}"}\n`,
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['pass P0']);
    expect(messages(result, 'secrets.hardcoded')).toEqual(['No credential found in 6 file(s).']);
  });

  it('needs key material between BEGIN and END: commented placeholders, form hints and truncated samples are no key', async () => {
    const begin = j('-----BEGIN ', 'PRIVATE KEY-----');
    const end = j('-----END ', 'PRIVATE KEY-----');
    // Prose after the block: read past END, it would look like 40 letters once spaces are dropped.
    const prose = '#   certificate_chain: the chain of certificates presented to clients when they connect over TLS\n';
    const result = await audit(secretsChecks, {
      'config.template.yml': `tls:\n  # private_key: |\n  #   ${begin}\n  #   ...\n  #   ${end}\n${prose.repeat(5)}`,
      'src/saml.ts': `const placeholder = '${begin}\\n[private-key-content]\\n${end}';\nconst help = 'Paste the key issued by your identity provider, then save the connector settings to continue';\n`,
      'core/crypto.go': `// ParseKey reads a key such as:\n//\n//\t${begin}\n//\tX\n//\t${end}\nfunc ParseKey(pem []byte) (any, error) { return parseTheWholeBlockAndReturnTheDecodedPrivateKeyOrAnError(pem) }\n`,
      'docs/keys.md': `${begin}\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n${end}\n`,
      // Real key material wrapped as code writes it: a JSON string with \n escapes, a commented-out block.
      'app/keys.json': `{"key": "${TOKENS.key.replace(/\n/g, '\\n')}"}\n`,
      'app/old.yml': TOKENS.key.split('\n').map((l) => `# ${l}`).join('\n') + '\n',
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 app/keys.json:1', 'fail P0 app/old.yml:1']);
    expect(result.repository?.setAside?.['secrets-filter:no-key-material']).toBe(4);
  });

  it("counts a value a guessing rule found in a test file against the role rule that hid it (the .NET test project of Sonarr's Freebox fixture), and reports it in production code", async () => {
    const csproj = '<Project Sdk="Microsoft.NET.Sdk"></Project>\n';
    const line = `class Fixture { const string AppToken = "${TOKENS.generic}"; }\n`;
    const files = { 'src/App.Core.Test/App.Core.Test.csproj': csproj, 'src/App.Core.Test/FreeboxFixture.cs': line, 'src/App.Core/App.Core.csproj': csproj, 'src/App.Core/Client.cs': line };
    const result = await audit(secretsChecks, files);
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/App.Core/Client.cs:1']);
    expect(result.repository?.setAside?.['evidence:test-project']).toBe(1);
  });

  it('sets aside GitHub and npm tokens whose checksum fails, and the test keys providers document', async () => {
    const madeUp = j('ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'); // the right shape, typed for a redactor's test
    const result = await audit(secretsChecks, {
      'src/redact.test-data.ts': `export const samples = ["${madeUp}", "${j('npm', '_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8')}"];\n`,
      'config/recaptcha.php': `<?php return ['secret_key' => env('RECAPTCHA_SECRET_KEY', '${j('6LeIxAcTAAAAAGG', '-vFI1TnRWxMZNFuojJ4WifJWe')}')];\n`,
      'src/deploy.ts': `const token = "${TOKENS.github}";\n`,
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/deploy.ts:1']);
    expect(result.repository?.setAside?.['secrets-filter:checksum-mismatch']).toBe(2);
  });

  it('reads Rust, C# and Elixir as code: a type after `key:` is no value, and a #[cfg(test)] module is test code', async () => {
    const rust = [
      'pub fn wrap(key: Key) -> Wrapped {',
      '    let wrapping_key: rusty_paserk::Key<rusty_paserk::V4, rusty_paserk::Local> = key.into();',
      '    wrapping_key.wrap()',
      '}',
      '',
      '#[cfg(test)]',
      'mod tests {',
      `    const SIGNING_SECRET: &str = "${TOKENS.generic}";`,
      `    const PEM: &str = "${TOKENS.key.replace(/\n/g, '\\n')}";`,
      '}',
      '',
    ].join('\n');
    const csharp = 'public class Options {\n    public SecretKey signingSecret = Options.DefaultSigningKeyFromVault2024();\n}\n';
    const result = await audit(secretsChecks, { 'src/crypto.rs': rust, 'src/Options.cs': csharp, 'src/config.rs': `const API_TOKEN: &str = "${TOKENS.generic}";\n` });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/config.rs:1', 'fail P2 src/crypto.rs:9']);
    expect(messages(result, 'secrets.hardcoded')[1]).toContain('#[cfg(test)]');
  });

  it('sets aside form hints and template-filled URL passwords, and reads settings and env files named for tests as tests', async () => {
    const result = await audit(secretsChecks, {
      'app/views/admin/_stripe_form.haml': `= f.text_field :api_private_key, placeholder: "${TOKENS.stripe}"\n`,
      'templates/settings.html': `<input name="token" placeholder="${TOKENS.github}">\n`,
      'app/controllers/verify_controller.rb': 'URL = "http://user:#{port}@localhost/verify"\nURL2 = "postgres://app:{{ .Password }}@db/app"\n',
      'config/settings/test.yml': `client_secret: "${TOKENS.generic}"\n`,
      '.env.dusk.ci': `APP_KEY=${TOKENS.generic}\n`,
      'app/live.rb': `STRIPE = "${TOKENS.stripe}"\n`,
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 app/live.rb:1']);
    expect(result.repository?.setAside?.['secrets-filter:form-placeholder']).toBe(2);
  });

  it('reads a URL password in a code comment or a Python docstring as documentation (P2), and one in a statement as a value', async () => {
    const password = j('Vt8q', 'Zr2L', 'mX4w');
    const py = ['def is_safe_url(url):', '    """Refuse URLs with credentials, such as', `    https://user:${password}@internal.acme.io/admin`, '    """', '    return "@" not in url', '', `DATABASE_URL = "postgres://app:${password}@db:5432/app"`, ''].join('\n');
    const ts = `// e.g. redis://default:${password}@cache:6379\nexport const url = process.env.REDIS_URL;\n`;
    const result = await audit(secretsChecks, { 'app/validate.py': py, 'src/cache.ts': ts });
    expect(where(result, 'secrets.hardcoded')).toEqual(["fail P1 app/validate.py:7", "fail P2 app/validate.py:3", "fail P2 src/cache.ts:1"]);
    expect(messages(result, 'secrets.hardcoded')[1]).toContain('docstring');
  });

  it('keeps a test file\'s GitHub token with a valid checksum P0, and a Slack token (no checksum) P1, in the test file or a Rust test module', async () => {
    const rust = ['pub fn redact(s: &str) -> String { s.to_string() }', '', '#[cfg(test)]', 'mod tests {', `    const SLACK: &str = "${TOKENS.slack}";`, '}', ''].join('\n');
    const result = await audit(secretsChecks, { 'tests/test_redact.py': `GITHUB = "${TOKENS.github}"\nSLACK = "${TOKENS.slack}"\n`, 'crates/client/src/secrets.rs': rust });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 tests/test_redact.py:1', 'fail P1 crates/client/src/secrets.rs:5', 'fail P1 tests/test_redact.py:2']);
    expect(messages(result, 'secrets.hardcoded')[2]).toContain('no checksum to tell a live one from a test vector');
  });

  it('uses a documented entropy threshold for the generic rule', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(isHighEntropySecret(TOKENS.generic)).toBe(true);
    expect(isHighEntropySecret('password12345678')).toBe(false);
    expect(isHighEntropySecret('my-super-secret-value')).toBe(false);
    expect(scanForSecrets('nothing to see here\n', { code: false })).toEqual([]);
  });
});

describe('documentation samples', () => {
  it('are not credentials: sample tokens, doc passwords in URLs, example hosts', () => {
    const text = [
      `const auth = createTokenAuth("${j('ghp', '_', 'PersonalAccessToken01245678900000000')}");`,
      'const a = "postgres://user:pass@localhost/db";',
      'const b = "https://foo:bar@registry.local/";',
      'const c = "https://admin:s3cr3tV4lue@api.example.com/v1";',
      'const d = "redis://:hunter2x@cache.test:6379";',
    ].join('\n');
    expect(scanForSecrets(text, { code: true })).toEqual([]);
    expect(scanForSecrets(`const e = "amqp://app:${j('Sn0wy', '-Owl-42')}@mq.internal:5672";\nconst r = "redis://:${j('Gr3y', '-Heron-7')}@cache:6379/0";\n`, { code: true }).map((h) => [h.rule, h.line])).toEqual([
      ['url-credentials', 1],
      ['url-credentials', 2],
    ]);
  });
});

// Real openssl output (EC P-256, self-signed): a certificate for localhost and 127.0.0.1 only, and one that also
// names a public host. Assembled at run time like the tokens above.
const pem = (kind: string, body: string): string => j('-----BEGIN ', kind, '-----\n', body, '\n-----END ', kind, '-----\n');
const LOCAL_KEY = pem('PRIVATE KEY', 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5du92L5FXIwApvQF\nnYOQhNQVBHSr1hb+AU9TP2A8ooihRANCAATcxQJxAOC+QxQuLx1ctu658+aM9Dt8\nSCTdf35zsLpGXUYel+UBLZMmc3wEBZixMbs9ABXflgCt6WEr6yJKP+r1');
const LOCAL_CERT = pem('CERTIFICATE', 'MIIBmTCCAT+gAwIBAgIUIsw5YIvtWJRJEJYfAPlSlgxRz8swCgYIKoZIzj0EAwIw\nFDESMBAGA1UEAwwJbG9jYWxob3N0MB4XDTI2MTIwNzE1MDkxM1oXDTM2MTIwNDE1\nMDkxM1owFDESMBAGA1UEAwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0D\nAQcDQgAE3MUCcQDgvkMULi8dXLbuufPmjPQ7fEgk3X9+c7C6Rl1GHpflAS2TJnN8\nBAWYsTG7PQAV35YArelhK+siSj/q9aNvMG0wHQYDVR0OBBYEFItAmPnKZsci43j3\n//6Rea/iZQtYMB8GA1UdIwQYMBaAFItAmPnKZsci43j3//6Rea/iZQtYMA8GA1Ud\nEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYIJbG9jYWxob3N0hwR/AAABMAoGCCqGSM49\nBAMCA0gAMEUCIQDp/v2D9ikJSY7EZYN7cAQhTAZY4tVDQqKD/1lqyDssVgIgHu2T\nDNe19dzyyLurfW2Qk7c9wsgZa3Hzxiw0OAxC9uo=');
const PUBLIC_KEY = pem('PRIVATE KEY', 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnNe3SDx3DQs937jh\nzu6s7/+2C4e+m5twgNDXkB+GJWShRANCAAQ8C/m/3nJcgBKOECZqJIDElXiW8gLt\nsQsAnlK20h2SGJc27tEhtVn0mG324AELJ32NYXRiTOd+Daqlh3VOlbCz');
const PUBLIC_CERT = pem('CERTIFICATE', 'MIIBvjCCAWWgAwIBAgIUKcvhHCs1W4mWkHFUFFQ8ny+UvA8wCgYIKoZIzj0EAwIw\nHzEdMBsGA1UEAwwUc2hvcC5hY21lLXJldGFpbC5jb20wHhcNMjYxMjA3MTUwOTEz\nWhcNMzYxMjA0MTUwOTEzWjAfMR0wGwYDVQQDDBRzaG9wLmFjbWUtcmV0YWlsLmNv\nbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABDwL+b/eclyAEo4QJmokgMSVeJby\nAu2xCwCeUrbSHZIYlzbu0SG1WfSYbfbgAQsnfY1hdGJM534NqqWHdU6VsLOjfzB9\nMB0GA1UdDgQWBBRYGzNR/IZdbWhbaeShDYVf3vcrfjAfBgNVHSMEGDAWgBRYGzNR\n/IZdbWhbaeShDYVf3vcrfjAPBgNVHRMBAf8EBTADAQH/MCoGA1UdEQQjMCGCFHNo\nb3AuYWNtZS1yZXRhaWwuY29tgglsb2NhbGhvc3QwCgYIKoZIzj0EAwIDRwAwRAIg\nNU8S+PoW7toZahZq6BbC8X68IHX9nOrapf25QznwtA0CIFazSTyEW6o/ktbvtzmu\nknhPuG90X9z4gs0l7S3H7z3p');

describe('private keys judged by their certificate', () => {
  it('is P2 for the key of a certificate issued only for local names, found by its public key; P0 when it names a public host', async () => {
    const result = await audit(secretsChecks, {
      // The dev proxy's pair, and the same under other names: the key is matched to its certificate by public key.
      'proxy/files/selfsigned.key': LOCAL_KEY,
      'proxy/files/selfsigned.crt': LOCAL_CERT,
      'deploy/tls/server.key': PUBLIC_KEY,
      'deploy/tls/server.crt': PUBLIC_CERT,
      // A local certificate beside a key that is not its own proves nothing about that key.
      'deploy/mixed/tls.key': PUBLIC_KEY,
      'deploy/mixed/localhost.crt': LOCAL_CERT,
      // Both in one file.
      'certs/bundle.pem': LOCAL_KEY + LOCAL_CERT,
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 deploy/mixed/tls.key:1', 'fail P0 deploy/tls/server.key:1', 'fail P2 certs/bundle.pem:1', 'fail P2 proxy/files/selfsigned.key:1']);
    expect(messages(result, 'secrets.hardcoded')[3]).toContain('its certificate (proxy/files/selfsigned.crt) is issued only for local names (localhost, 127.0.0.1)');
  });
});

describe('provider-documented samples and values named as examples', () => {
  it("sets aside Slack's documented oauth.v2.access token and a value assigned to an *_example name, not a live token beside them", () => {
    const text = [
      `SLACK_OAUTH_RESPONSE = {"access_token": "${j('xoxb', '-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy')}"}`,
      `placeholder: t('stripe.secret_key_example', api_secret_key_example: '${j('sk', '_live_', 'c7VffYB8AwSchkxe5RfjtS7e')}')`,
      `STRIPE_KEY = "${TOKENS.stripe}"`,
      `link = "https://app/confirm?confirmation_token=${j('a1B2', 'c3D4e5F6g7H8i9')}"`,
    ].join('\n');
    expect(scanForSecrets(text, { code: true }).map((h) => [h.rule, h.line])).toEqual([['stripe-live-key', 3]]);
    // A deploy-time variable inside the value (Coolify's generated `SERVICE_*` values) is no literal.
    expect(scanForSecrets('services:\n  app:\n    environment:\n      - APP_KEY=base64:${SERVICE_REALBASE64_INVOICENINJA2}\n', { code: false })).toEqual([]);
    // ...but a literal secret with a variable glued on is still a secret.
    expect(scanForSecrets(`      - APP_KEY=${TOKENS.generic}\${SUFFIX}\n`, { code: false }).map((h) => h.rule)).toEqual(['generic-secret-assignment']);
  });
});

describe('values that are data, names or public client keys', () => {
  it('sets aside query strings, escaped templates, base64 JSON cursors, camelCase names and public client keys, lowers a Maps key; keeps a random token', () => {
    const cursor = Buffer.from('{"offset":"100","v":2}').toString('base64url');
    const text = [
      `"ef": "http://adsabs.harvard.edu/cgi-bin/nph-abs_connect?db_key=ALL&bibcode=\\u0002 \\u00010"`,
      `"uray": "http://www.blu-ray.com/search/?quicksearch_keyword=\\u0002&section=bluraymovies\\u000193"`,
      `"link": "</v1/clients?page_size=2\\u0026page_token=${cursor}>; rel=next"`,
      `export const K8S_ENTITY_EVENTS_EXPRESSION_KEY = 'k8sEntityEventsExpression';`,
      `api_key: "${j('phc_', 'Xk2mQ9vLr7TzW4nB8cYp1sHd5fGj3aKe6uRo0iVl')}"`,
      `googleMaps: { key: "${j('AIza', 'SyB_Z8l3nwUxZhMJykiDUJy6bSHXXlwcq0X')}" }`,
      `next_page_url = 'https://www.youtube.com/youtubei/v1/search?key=${j('AIza', 'SyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8')}'`,
      `client_secret = "${TOKENS.generic}"`,
      `MAPBOX_API_KEY = "${j('pk.', 'eyJ1IjoiYm9uZmlyZSIsImEiOiJjbDN4In0.Qz8vR2kLm5TnW7xYb3Cd9A')}"`,
    ].join('\n');
    // A key named for Maps is still found, but minor (P2): public by design only when restricted by referrer.
    // A Mapbox public token (pk.) is meant for browser code, like a PostHog project key.
    expect(scanForSecrets(text, { code: true }).map((h) => [h.rule, h.line, h.minor !== undefined])).toEqual([['google-api-key', 6, true], ['generic-secret-assignment', 8, false]]);
    expect(publicClientKey(j('pk.', 'eyJ1IjoiYm9uZmlyZSIsImEiOiJjbDN4In0.Qz8vR2kLm5TnW7xYb3Cd9A'))).toContain('Mapbox public token');
    expect(publicClientKey(j('sk.', 'eyJ1IjoiYm9uZmlyZSIsImEiOiJjbDN4In0.Qz8vR2kLm5TnW7xYb3Cd9A'))).toBeUndefined();
    // The same Google key shape with nothing saying Maps stays a finding.
    expect(scanForSecrets(`const key = "${j('AIza', 'SyB_Z8l3nwUxZhMJykiDUJy6bSHXXlwcq0X')}";`, { code: true }).map((h) => h.rule)).toEqual(['google-api-key']);
  });
});

describe('private keys written as JSON', () => {
  it('finds a JWK and .NET RSA parameters (IdentityServer tempkey.rsa) with their private exponent, not a public JWK', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const jwk = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'jwk' }) as Record<string, string>;
    const std = (b64url: string): string => Buffer.from(b64url, 'base64url').toString('base64');
    const rsaParameters = JSON.stringify({ KeyId: 'b5d4f1c1a9e0', Parameters: { D: std(jwk.d!), DP: std(jwk.dp!), DQ: std(jwk.dq!), Exponent: std(jwk.e!), InverseQ: std(jwk.qi!), Modulus: std(jwk.n!), P: std(jwk.p!), Q: std(jwk.q!) } });
    const publicJwk = JSON.stringify({ kty: 'RSA', e: jwk.e, n: jwk.n, kid: 'signing' });
    const result = await audit(secretsChecks, {
      'src/API/tempkey.rsa': rsaParameters,
      'keys/signing.jwk': JSON.stringify(jwk, null, 2),
      'keys/public.jwk': publicJwk,
      'pyproject.toml': '[project]\nname = "app"\nversion = "1.0.0"\n',
    });
    const dLine = JSON.stringify(jwk, null, 2).split('\n').findIndex((l) => l.includes('"d"')) + 1;
    expect(where(result, 'secrets.hardcoded')).toEqual([`fail P0 keys/signing.jwk:${dLine}`, 'fail P0 src/API/tempkey.rsa:1']);
    expect(messages(result, 'secrets.hardcoded').every((m) => /private key in JSON/.test(m))).toBe(true);
    expect(JSON.stringify(result.findings)).not.toContain(jwk.d!.slice(4, 20));
  });
});

describe('values their comment says guard nothing', () => {
  it('is P2 for a value whose comment says it is not a secret or only for a demo, P0 without it', async () => {
    const constant = j('58ff', '90c0dc372ded858cbf8fb2306066');
    const result = await audit(secretsChecks, {
      'src/links/case.ts': `// This is not actually a secret key, it's just a string that scrambles link keys\nexport const XOR_SECRET_KEY = "${constant}";\n`,
      'src/links/other.ts': `export const XOR_SECRET_KEY = "${constant}";\n`,
      'package.json': '{"name": "web", "version": "1.0.0", "main": "src/links/case.ts", "files": ["src"]}\n',
    });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 src/links/other.ts:1', 'fail P2 src/links/case.ts:2']);
  });
});

describe('JSON Web Tokens that are samples', () => {
  it('lowers a token signed with a published secret or written as an API description\'s example: (supabase/realtime, round 13), not a token signed with an unknown key', async () => {
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const sign = (key: string, claims: object): string => {
      const head = `${b64({ typ: 'JWT', alg: 'HS256' })}.${b64(claims)}`;
      return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
    };
    const sample = sign('dev', { iat: 1680162154, role: 'admin' });
    const live = sign(j('k9Qw', 'Zr3T', 'mP7x', 'Lc2V'), { iat: 1680162154, role: 'service_role' });
    const controller = [
      'defmodule AppWeb.TenantController do',
      '  operation(:index,',
      '    parameters: [authorization: [in: :header, name: "Authorization", required: true,',
      '      example:',
      `        "Bearer ${live}"`,
      '    ]])',
      `  @token "${sample}"`,
      `  @service "${live}"`,
      'end',
      '',
    ].join('\n');
    const result = await audit(secretsChecks, { 'mix.exs': 'defmodule App.MixProject do\nend\n', 'lib/app_web/controllers/tenant_controller.ex': controller });
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 lib/app_web/controllers/tenant_controller.ex:8', 'fail P2 lib/app_web/controllers/tenant_controller.ex:5', 'fail P2 lib/app_web/controllers/tenant_controller.ex:7']);
    expect(messages(result, 'secrets.hardcoded')[1]).toContain('the `example:` of an API description');
    expect(messages(result, 'secrets.hardcoded')[2]).toContain('its signature verifies with the published secret');
    // A read-only token a client ships for a public API (Radarr's TMDB token): an application identifier.
    const read = sign(j('k9Qw', 'Zr3T', 'mP7x', 'Lc2V'), { aud: 'a1b2', sub: '5c3d', scopes: ['api_read'], version: 1 });
    const client = await audit(secretsChecks, { 'mix.exs': 'defmodule App.MixProject do\nend\n', 'lib/app/tmdb.ex': `defmodule App.Tmdb do\n  @token "${read}"\nend\n` });
    expect(where(client, 'secrets.hardcoded')).toEqual(['fail P2 lib/app/tmdb.ex:2']);
    expect(messages(client, 'secrets.hardcoded')[0]).toContain('its only scopes are read-only (api_read)');
  });
});

describe('generated values in env templates', () => {
  it('reports a generated random secret in an env template at P0 (Claper .env.sample, round 12), not a placeholder, a chosen word or a value said to be made up', async () => {
    const generated = j('0LZi', 'q7Rt', 'X2vN', 'm9Kp', 'W4sB', 'c8Yd', 'H1fJ', 'u6Ge', 'T3aL', 'z5Qo', 'E0rV', 'n2Ci', 'P7wM', 'k4Sx', 'D9bF', 'y1Uh');
    const result = await audit(secretsChecks, {
      '.env.sample': `BASE_URL=http://localhost:4000\nSECRET_KEY_BASE=${generated}\nDB_PASSWORD=changeme\nAPI_SECRET=your-api-secret-here\n`,
      'deploy/.env.example': `# made-up example value, not a real key\nSIGNING_SECRET=${generated}\n`,
      // A typed hint (firefly-iii), a template for a development stack (grafana oncall), Azurite's documented key (langfuse).
      'app/.env.example': `APP_KEY=SomeRandomStringOf32CharsExactly\nSTORAGE_SECRET_ACCESS_KEY=${j('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', '/K1SZFPTOtr/KBHBeksoGMGw==')}\n`,
      'dev/.env.dev.example': `SECRET_KEY=${generated}\n`,
    });
    // The one whose comment says it is made up is set aside as before (a template value, not a credential).
    expect(where(result, 'secrets.hardcoded')).toEqual(['fail P0 .env.sample:2']);
  });
});

describe('names that only look like secrets', () => {
  it('sets aside model names under tokenizer/model keys and storage key names, keeps a real token under a model-less key', () => {
    const text = [
      '"tokenizerModel": "gpt-4-1106-preview",',
      '"tokenizerModel": "gpt-4o-2024-05-13",',
      'const STORAGE_KEY = "font-mono-char-width-0.7rem";',
      'const TOOL_GROUP_EXPANSION_STORAGE_KEY = "trace2-expansion:tools";',
      `const API_TOKEN = "${TOKENS.generic}";`,
    ].join('\n');
    expect(scanForSecrets(text, { code: true }).map((h) => [h.rule, h.line])).toEqual([['generic-secret-assignment', 5]]);
  });
});
