// How a secret committed in a framework's configuration file is judged (Spring
// `application*.yml`, ASP.NET Core `appsettings*.json`), by the shared
// vocabulary and SEVERITY.md, once for every framework:
// - a key the application signs, encrypts or logs in with (`jwt.secret`,
//   `Jwt:Key`, `*SigningKey*`, an admin password): any literal, weak or a
//   placeholder, is a key anyone can read, P0 (a placeholder that runs signs
//   like any other string);
// - any other secret-named key: a generated random value or a provider's
//   format is a real credential, P0; another literal is P1 (a credential of
//   another service whose reality the text cannot show); a weak datastore
//   password is P1 (a datastore reached on the internal network); other weak
//   values and placeholders are not credentials.

import { isCredentialByFormat, isEncodedWords, isGeneratedHexSecret, isGeneratedSecret, mapsBrowserKey, publicClientKey, urlPassword } from '../../model/values.js';
import { judgeFallback, opensTheApplication, THIRD_PARTY } from './weak-default.js';
import { isSecretEnvName } from '../compose/inline-secret.js';

/**
 * What a framework's committed-secret check stands for at the same line: one cause, one finding, from the
 * reading that knows the profile or environment, the override and what the key signs.
 */
export const CONFIG_SECRET_SUPERSEDES = ['secrets.hardcoded', 'secrets.weak-default'] as const;

export interface ConfigSecretVerdict {
  severity: 'P0' | 'P1' | 'P2';
  /** What the value is, for the message: `a weak literal`, `base64 of words (a published default)`. */
  what: string;
  /** The part of the value that is the secret (a URL's or connection string's password), to redact. */
  shown: string;
  /** Why this severity, for the message. */
  why: string;
}

/** `jhipster.security.authentication.jwt.base64-secret`, `Jwt:IssuerSigningKey` → `JHIPSTER_..._BASE64_SECRET`, `JWT_ISSUER_SIGNING_KEY`. */
export function envStyleName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

// A connection string's password (`Password=...;`, `Pwd=...`): ADO.NET and JDBC key/value syntax.
const CONNECTION_PASSWORD = /(?:^|;)\s*(?:password|pwd)\s*=\s*("[^"]*"|'[^']*'|[^;]*)/i;
const DATASTORE_KEY = /DATASOURCE|R2DBC|DATABASE|(^|_)DB(_|$)|CONNECTION_?STRING|REDIS|MONGO|RABBIT|POSTGRES|MYSQL|SQL_?SERVER|LIQUIBASE|FLYWAY/;

/** The password inside a connection string or URL value, if it has one. */
export function connectionPassword(value: string): string | undefined {
  const url = urlPassword(value);
  if (url !== undefined) return url;
  const m = CONNECTION_PASSWORD.exec(value);
  if (!m) return undefined;
  const password = m[1]!.trim().replace(/^["']|["']$/g, '');
  return password === '' ? undefined : password;
}

// Of the names opensTheApplication accepts, those that say what the application itself does with the key;
// a bare `privateKey` or `masterKey` in a section named for a payment or mail provider is that provider's.
const APPLICATION_KEY_WORD = /JWT|SIGNING|SESSION|COOKIE|ENCRYPTION|HMAC|REMEMBER|TOKEN|SECRET_?KEY|APP_?KEY|PASS/;
// Spring Security's own login (`spring.security.user.password`) and an admin account the application creates.
const APPLICATION_LOGIN = /SECURITY_USER_PASSWORD$|ADMIN_?PASS(WORD)?$/;

/**
 * Whether a nested key is one the application signs, encrypts or logs in with (`jwt.admin.secret`, `Jwt:Key`):
 * no segment names another service (`aliyun.oss.secret-key`, `braintree.privateKey`).
 */
function opensApplication(key: string): boolean {
  const name = envStyleName(key);
  if (key.split(/[.:]/).some((segment) => THIRD_PARTY.test(`${envStyleName(segment)}_`))) return false;
  return APPLICATION_LOGIN.test(name) || (opensTheApplication(name) && APPLICATION_KEY_WORD.test(name));
}

export function judgeConfigSecret(key: string, value: string): ConfigSecretVerdict | undefined {
  const name = envStyleName(key);
  const inConnection = connectionPassword(value);
  if (inConnection !== undefined) {
    const verdict = judgeFallback('PASSWORD', inConnection);
    if (!verdict) return undefined;
    if (verdict.kind === 'literal' && (isGeneratedSecret(inConnection) || isCredentialByFormat(inConnection))) {
      return { severity: 'P0', what: 'a connection string with a generated password', shown: inConnection, why: 'a generated password committed anywhere is a credential (SEVERITY.md)' };
    }
    return {
      severity: 'P1',
      what: `a connection string with a ${verdict.kind === 'weak' ? 'weak' : 'literal'} password`,
      shown: inConnection,
      why: 'the database it opens is reached on the internal network; P0 if it is published',
    };
  }
  if (!isSecretEnvName(name)) return undefined;
  if (publicClientKey(value)) return undefined;
  if (mapsBrowserKey(value, key)) return { severity: 'P2', what: 'a Google Maps key', shown: value, why: 'Maps keys are meant for web pages and restricted by HTTP referrer; make sure it is restricted, or it opens the project\'s other Google APIs' };
  const verdict = judgeFallback(name, value);
  if (!verdict) return undefined;
  if (opensApplication(key)) {
    const what = isEncodedWords(value) ? 'base64 of words (a published default, not a generated key)' : verdict.kind === 'weak' ? 'a weak literal' : 'a committed literal';
    return { severity: 'P0', what, shown: value, why: 'the application signs or logs in with it, so anyone who reads the repository can forge tokens or sessions' };
  }
  if (verdict.kind === 'literal' && (isGeneratedSecret(value) || isCredentialByFormat(value) || isGeneratedHexSecret(key, value))) {
    return { severity: 'P0', what: 'a generated or provider-format credential', shown: value, why: 'a real credential committed anywhere leaks (SEVERITY.md)' };
  }
  const datastore = DATASTORE_KEY.test(name);
  if (verdict.kind === 'literal') {
    const why = datastore ? 'a password of a datastore reached on the internal network; P0 if it is published' : 'a credential of another service; whether it is live cannot be told from the text';
    return { severity: 'P1', what: 'a committed literal', shown: value, why };
  }
  if (datastore) return { severity: 'P1', what: 'a weak literal', shown: value, why: 'a default password of a datastore reached on the internal network; P0 if it is published' };
  return undefined;
}
