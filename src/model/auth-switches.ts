// Settings that switch an application's own authentication off, by their key and value: data, read by
// auth.disabled-in-config. `nacos.core.auth.enabled=false`, `security.enabled: false`, `AUTH_MODE=none`,
// `DISABLE_AUTH=true`, `login_required = false`. A key that names another system's authentication (the SMTP
// server's, a database client's, a proxy's) is not the application's: the application then authenticates to
// that system, or not, but still asks its own users to log in.

/** Key parts that say the switch belongs to another system the application talks to. */
const OTHER_SYSTEM = new Set([
  'smtp', 'mail', 'email', 'imap', 'redis', 'db', 'database', 'datasource', 'jdbc', 'ldap', 'proxy', 'kafka', 'mqtt', 'amqp',
  'rabbitmq', 'client', 'upstream', 'registry', 'git', 'remote', 's3', 'sasl', 'broker', 'mongo', 'mongodb', 'postgres',
  'mysql', 'webhook', 'webhooks', 'sentry', 'cassandra', 'zookeeper', 'etcd', 'consul', 'vault', 'nats', 'docker', 'npm',
  'maven', 'pypi', 'oauth2client', 'http_client', 'outbound', 'upload', 'ftp', 'sftp', 'ssh', 'socks', 'squid', 'tor',
  'ssl', 'tls', 'mtls', 'cert', 'certificate', 'device',
  'test', 'tests', 'testing', 'dev', 'development', 'local', 'demo', 'example', 'sample', 'mock', 'e2e',
]);

const FALSE = /^(false|no|off|0|disabled?)$/i;
const TRUE = /^(true|yes|on|1|enabled?)$/i;
const NO_AUTH = /^(none|off|disabled?|no[-_]?auth|anonymous|open|public)$/i;

// What the joined key parts end with, and the value that turns authentication off.
const SWITCHES: ReadonlyArray<{ tail: RegExp; off: RegExp; says: string }> = [
  { tail: /(^|_)(auth|authentication|authorization|security|login)_(enabled?|enable|on|active)$/, off: FALSE, says: 'turns authentication off' },
  { tail: /(^|_)(enable|use|require|required|requires|force)_(auth|authentication|login)$|(^|_)(auth|authentication|login)_required$/, off: FALSE, says: 'makes logging in optional' },
  { tail: /(^|_)(disable|disabled|skip|no|without)_(auth|authentication|login|security)$|(^|_)(auth|authentication)_(disabled|off)$/, off: TRUE, says: 'turns authentication off' },
  { tail: /(^|_)(auth|authentication)_(mode|type|method)$/, off: NO_AUTH, says: 'sets no authentication' },
];

/** The key's parts, lower case: `nacos.core.auth.enabled` and `authMode` and `AUTH_MODE` alike. */
export function keyParts(key: string): string[] {
  return key
    .slice(0, 300)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Why `key = value` switches the application's own authentication off, or undefined. */
export function authTurnedOff(key: string, value: string): string | undefined {
  const parts = keyParts(key);
  if (!parts.length || parts.some((p) => OTHER_SYSTEM.has(p))) return undefined;
  const joined = parts.join('_');
  const v = value.trim().replace(/^["']|["']$/g, '');
  for (const s of SWITCHES) if (s.tail.test(joined) && s.off.test(v)) return s.says;
  return undefined;
}

export const AUTH_SWITCHES_DOC = [
  'A setting switches the application\'s own authentication off when its key ends with `auth`/`authentication`/`security`/`login` + `enabled` set false, `require(d)`/`enable` + `auth`/`login` set false, `disable`/`skip` + `auth`/`security` set true, or `auth`/`authentication` + `mode`/`type`/`method` set to none, off or anonymous (dots, dashes, underscores and camelCase alike).',
  `Not when a part of the key names another system the application talks to (${[...OTHER_SYSTEM].filter((p) => !/test|dev|local|demo|example|sample|mock|e2e/.test(p)).slice(0, 12).join(', ')}, ...) or a development or test setting.`,
].join(' ');
