// Well-known self-hosted products, as data: how the base page names them, and
// where their documented health, admin, login and API endpoints are. Live
// checks probe these paths only on a target recognised as that product, so a
// product-specific path costs nothing on every other target. Recognition reads
// the shared base page only (its headers and the first bytes of its body): it
// sends no request of its own.

import type { HttpResponse } from './client.js';
import type { LocalOnly } from './vantage.js';

/** An endpoint of a product's management API that must not answer without credentials. */
export interface AdminEndpoint {
  path: string;
  /** What an unauthenticated caller gets there. */
  what: string;
  /** The answer is really that endpoint (not a login page, a soft 404 or an SPA's index). */
  matches(response: HttpResponse): boolean;
}

/** A product's documented default account, tried only where `auth.default-credentials` may send it. */
export interface DefaultAccount {
  username: string;
  password: string;
  /** How the product takes credentials on `path`. */
  scheme: 'basic' | 'form' | 'json';
  path: string;
  method: 'GET' | 'POST';
  /** Form or JSON field names (form/json schemes). */
  fields?: { username: string; password: string };
  /** The answer means the account was accepted. */
  accepted(response: HttpResponse): boolean;
}

/** Where a product says, to an anonymous GET, whether anyone may sign up. */
export interface RegistrationEndpoint {
  /** Absolute (`/user/sign_up`), or relative to the target's URL for an application installed under a prefix. */
  path: string;
  /** The answer says sign-up is open (its settings say so, or the sign-up form is shown). */
  open(response: HttpResponse): boolean;
  what: string;
}

export interface Product {
  name: string;
  recognise(page: HttpResponse): boolean;
  /** Documented health endpoints, probed by health.endpoint on this product only. */
  health?: readonly string[];
  /** Management API endpoints probed by auth.open-admin. */
  admin?: readonly AdminEndpoint[];
  /** API endpoints (JSON) for the CORS and error-trace probes. */
  api?: readonly string[];
  defaultAccounts?: readonly DefaultAccount[];
  /** Probed by auth.open-registration on this product only. */
  registration?: RegistrationEndpoint;
  /**
   * The product's shipped default binds it to the loopback interface: an open endpoint seen from a loopback
   * vantage may be reachable by local clients only.
   */
  localOnlyByDefault?: LocalOnly;
}

const header = (page: HttpResponse, name: string): string => page.headers[name] ?? '';
const head = (page: HttpResponse): string => page.body.slice(0, 16 * 1024);

function json(response: HttpResponse): unknown {
  if (!/json/i.test(response.headers['content-type'] ?? '') && !/^\s*[[{]/.test(response.body)) return undefined;
  try {
    return JSON.parse(response.body);
  } catch {
    return undefined;
  }
}

const ok = (r: HttpResponse): boolean => r.status >= 200 && r.status < 300;

/** A 2xx JSON object with all of `keys`. */
const jsonWith =
  (...keys: string[]) =>
  (r: HttpResponse): boolean => {
    const value = json(r);
    return ok(r) && typeof value === 'object' && value !== null && !Array.isArray(value) && keys.every((k) => k in value);
  };

/** A 2xx JSON array (a list of flows, tiddlers, containers...). */
const jsonArray = (r: HttpResponse): boolean => ok(r) && Array.isArray(json(r));

const basicAccepted = (r: HttpResponse): boolean => ok(r);

/** A 2xx HTML page with a password field and none of `disabled`'s words: the product's sign-up form, shown. */
const signUpFormShown =
  (disabled: RegExp) =>
  (r: HttpResponse): boolean =>
    ok(r) && /html/i.test(r.headers['content-type'] ?? '') && /<input\b[^>]*type\s*=\s*["']?password/i.test(r.body) && !disabled.test(r.body);

export const PRODUCTS: readonly Product[] = [
  {
    name: 'Node-RED',
    recognise: (p) => /<title>Node-RED<\/title>|red\/red(\.min)?\.js/i.test(head(p)),
    // Without adminAuth (the shipped settings.js leaves it commented out) the editor's admin API is open.
    admin: [
      { path: '/flows', what: 'the deployed flows (readable, and replaced by a POST)', matches: (r) => jsonArray(r) || jsonWith('flows')(r) },
      { path: '/settings', what: 'the runtime settings', matches: jsonWith('httpNodeRoot') },
    ],
    api: ['/flows', '/settings'],
  },
  {
    name: 'TiddlyWiki',
    localOnlyByDefault: { why: 'by default TiddlyWiki listens on 127.0.0.1 unless started with host=', by: 'listen-address' },
    recognise: (p) => /<meta name="generator" content="TiddlyWiki"/i.test(head(p)),
    admin: [
      {
        path: '/status',
        what: 'an anonymous, writable wiki (anonymous: true, read_only: false): anyone can edit and delete every tiddler',
        matches: (r) => {
          const value = json(r) as { anonymous?: unknown; read_only?: unknown } | undefined;
          return ok(r) && value?.anonymous === true && value.read_only === false;
        },
      },
    ],
    api: ['/recipes/default/tiddlers.json'],
  },
  {
    name: 'Syncthing',
    localOnlyByDefault: { why: 'by default Syncthing serves its GUI on 127.0.0.1:8384 unless gui-address says otherwise', by: 'listen-address' },
    recognise: (p) => header(p, 'x-syncthing-version') !== '' || /ng-app="syncthing"/.test(head(p)),
    health: ['/rest/noauth/health'],
    admin: [{ path: '/rest/system/config', what: 'the whole configuration (devices, folders, API key)', matches: jsonWith('version', 'folders') }],
    api: ['/rest/system/status'],
  },
  {
    name: 'JSON Server',
    localOnlyByDefault: { why: 'by default JSON Server listens on localhost unless started with --host', by: 'listen-address' },
    recognise: (p) => /JSON Server/.test(head(p)) && /json-server|typicode/i.test(head(p)),
    admin: [{ path: '/db', what: 'the whole database (and every resource accepts POST, PUT, PATCH and DELETE)', matches: (r) => ok(r) && typeof json(r) === 'object' && json(r) !== null }],
    api: ['/db'],
  },
  {
    name: 'Verdaccio',
    recognise: (p) => /verdaccio/i.test(header(p, 'x-powered-by')) || /<title>Verdaccio/i.test(head(p)),
    health: ['/-/ping'],
    api: ['/-/whoami'],
  },
  {
    name: 'Grafana',
    recognise: (p) => /grafana/i.test(head(p)) && /public\/build|grafanaBootData/.test(head(p)),
    health: ['/api/health'],
    // [users] allow_sign_up (default false), as the frontend settings every visitor loads report it.
    registration: { path: '/api/frontend/settings', what: 'its frontend settings say allowUserSignUp: true', open: (r) => (json(r) as { allowUserSignUp?: unknown } | undefined)?.allowUserSignUp === true && ok(r) },
    defaultAccounts: [
      { username: 'admin', password: 'admin', scheme: 'json', path: '/login', method: 'POST', fields: { username: 'user', password: 'password' }, accepted: (r) => ok(r) && /Logged in/i.test(r.body) },
    ],
  },
  {
    name: 'Prometheus',
    recognise: (p) => /<title>Prometheus/i.test(head(p)),
    health: ['/-/healthy', '/-/ready'],
    admin: [{ path: '/api/v1/status/config', what: 'the scrape configuration (targets, credentials files)', matches: jsonWith('status', 'data') }],
  },
  {
    name: 'RabbitMQ management',
    recognise: (p) => /<title>RabbitMQ Management/i.test(head(p)),
    health: ['/api/health/checks/alarms'],
    defaultAccounts: [{ username: 'guest', password: 'guest', scheme: 'basic', path: '/api/whoami', method: 'GET', accepted: (r) => jsonWith('name')(r) }],
  },
  {
    name: 'Jupyter',
    recognise: (p) => /jupyter/i.test(head(p)) && /_xsrf|jupyter-config-data|jupyterlab/i.test(head(p)),
    admin: [{ path: '/api/contents', what: 'the notebook server\u2019s files (and its kernels run any code)', matches: jsonWith('content', 'type') }],
    api: ['/api/contents', '/api/kernels'],
  },
  {
    name: 'MinIO',
    recognise: (p) => /minio/i.test(header(p, 'server')) || /<title>MinIO Console/i.test(head(p)),
    health: ['/minio/health/live', '/minio/health/ready'],
  },
  {
    name: 'Gitea',
    recognise: (p) => /gitea/i.test(head(p)) && /i_like_gitea|Powered by Gitea/i.test(head(p) + header(p, 'set-cookie')),
    health: ['/api/healthz'],
    // [service] DISABLE_REGISTRATION defaults to false: the sign-up form is shown to anyone.
    registration: { path: '/user/sign_up', what: 'its sign-up page shows the registration form', open: signUpFormShown(/registration is disabled|sign-?ups? (are|is) disabled/i) },
  },
  {
    name: 'GitLab',
    recognise: (p) => /<meta[^>]+content="GitLab"/i.test(head(p)),
    // Self-managed GitLab allows sign-up until an administrator turns it off (or requires approval).
    registration: { path: '/users/sign_up', what: 'its sign-up page shows the registration form', open: signUpFormShown(/sign-?ups? (are|is) disabled|pending approval/i) },
  },
  {
    name: 'DokuWiki',
    recognise: (p) => /<meta name="generator" content="DokuWiki"/i.test(head(p)),
    // Debian's package: useacl on, the register action not disabled, passwords mailed (autopasswd): anyone with an
    // address signs up, and its ACL lets @user edit and upload. Relative: the wiki is often under /dokuwiki/.
    registration: { path: 'doku.php?do=register', what: 'its register action shows the sign-up form', open: (r) => ok(r) && /<form[^>]+id="dw__register"/i.test(r.body) },
    localOnlyByDefault: { why: "Debian's dokuwiki package serves it to local clients only (its apache.conf: Allow from localhost 127.0.0.1 ::1)", by: 'client-address' },
  },
  {
    name: 'Mattermost',
    recognise: (p) => /<title>Mattermost<\/title>/i.test(head(p)),
    // TeamSettings.EnableOpenServer, as the client configuration every visitor loads reports it.
    registration: {
      path: '/api/v4/config/client?format=old',
      what: 'its client configuration says EnableOpenServer: "true"',
      open: (r) => ok(r) && (json(r) as { EnableOpenServer?: unknown } | undefined)?.EnableOpenServer === 'true',
    },
  },
  { name: 'Vault', recognise: (p) => /<title>Vault/i.test(head(p)), health: ['/v1/sys/health'] },
  { name: 'Kibana', recognise: (p) => header(p, 'kbn-name') !== '' || /<title>Elastic|kbn-/.test(head(p)), health: ['/api/status'] },
  {
    name: 'Elasticsearch',
    recognise: (p) => /You Know, for Search/.test(head(p)),
    health: ['/_cluster/health'],
    admin: [{ path: '/_cat/indices?format=json', what: 'every index', matches: jsonArray }],
  },
  { name: 'Traefik', recognise: (p) => /<title>Traefik/i.test(head(p)), health: ['/ping'] },
  { name: 'pgAdmin', recognise: (p) => /<title>pgAdmin/i.test(head(p)), health: ['/misc/ping'] },
  { name: 'Nexus Repository', recognise: (p) => /Nexus Repository/i.test(head(p)) || /Nexus/i.test(header(p, 'server')), health: ['/service/rest/v1/status'] },
  { name: 'Portainer', recognise: (p) => /<title>Portainer/i.test(head(p)), health: ['/api/system/status'] },
  {
    name: 'mongo-express',
    recognise: (p) => /mongo-express/i.test(head(p)) || /mongo-express/i.test(header(p, 'www-authenticate')),
    defaultAccounts: [{ username: 'admin', password: 'pass', scheme: 'basic', path: '/', method: 'GET', accepted: basicAccepted }],
  },
  {
    name: 'Apache Tomcat',
    recognise: (p) => /Apache Tomcat/i.test(head(p)),
    defaultAccounts: [{ username: 'tomcat', password: 'tomcat', scheme: 'basic', path: '/manager/html', method: 'GET', accepted: basicAccepted }],
  },
];

/** The products the base page names (usually none, at most a few). */
export function recogniseProducts(page: HttpResponse | undefined): Product[] {
  if (!page) return [];
  return PRODUCTS.filter((product) => product.recognise(page));
}
