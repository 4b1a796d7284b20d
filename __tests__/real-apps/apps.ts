// Real third-party applications, started on loopback with the configuration
// they ship: Node-RED, JSON Server, TiddlyWiki and Verdaccio from the npm registry
// (devDependencies), Syncthing and Adminer (under Apache with mod_php) from
// their Debian packages, and DokuWiki the same way (.ci/run installs them
// best effort). Each listens on an ephemeral 127.0.0.1 port in a temp dir and
// is stopped after its test. Only what keeps them on loopback (their listen
// address) and off the internet (Syncthing's discovery, relays, upgrades and
// usage reports) is set; everything the audit judges is the shipped default.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/** A free loopback port (listen on 0, read it, close): the app is started on it at once. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The environment the apps get: the test runner's without NODE_ENV (jest sets `test`), as a user's shell would. */
function shippedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env['NODE_ENV'];
  return env;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before answering:\n${log()}`);
    const answered = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the app did not answer on ${url} within ${timeoutMs} ms:\n${log()}`);
}

async function start(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; url: string; timeoutMs?: number; ownProcessGroup?: boolean },
): Promise<RunningApp> {
  const child = spawn(command, args, { cwd: options.cwd, env: shippedEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: options.ownProcessGroup ?? false });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(options.cwd, { recursive: true, force: true });
  };
  try {
    await waitFor(options.url, child, options.timeoutMs ?? 20000, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: options.url, stop };
}

/** A script of an installed devDependency (jest runs from the project root). */
function packageBin(name: string, bin: string): string {
  return join(process.cwd(), 'node_modules', name, bin);
}

/** Node-RED, its settings as shipped (no adminAuth), on 127.0.0.1 (`-D uiHost=` sets the listen address only). */
export async function startNodeRed(): Promise<RunningApp> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rg-node-red-'));
  return start(process.execPath, [packageBin('node-red', 'red.js'), '--userDir', dir, '--port', String(port), '-D', 'uiHost=127.0.0.1'], {
    cwd: dir,
    url: `http://127.0.0.1:${port}/`,
    timeoutMs: 30000,
  });
}

/** JSON Server 0.17 on a small db.json, as its README starts it. */
export async function startJsonServer(): Promise<RunningApp> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rg-json-server-'));
  writeFileSync(join(dir, 'db.json'), JSON.stringify({ posts: [{ id: 1, title: 'hello' }], profile: { name: 'typicode' } }));
  return start(process.execPath, [packageBin('json-server', 'lib/cli/bin.js'), '--host', '127.0.0.1', '--port', String(port), 'db.json'], {
    cwd: dir,
    url: `http://127.0.0.1:${port}/`,
  });
}

/** TiddlyWiki's Node.js server edition (`--init server`, then `--listen`), anonymous as shipped. */
export async function startTiddlyWiki(): Promise<RunningApp> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rg-tiddlywiki-'));
  const tiddlywiki = packageBin('tiddlywiki', 'tiddlywiki.js');
  const init = spawnSync(process.execPath, [tiddlywiki, join(dir, 'wiki'), '--init', 'server'], { env: shippedEnv(), encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`tiddlywiki --init failed: ${init.stderr}`);
  return start(process.execPath, [tiddlywiki, join(dir, 'wiki'), '--listen', `port=${port}`, 'host=127.0.0.1'], { cwd: dir, url: `http://127.0.0.1:${port}/` });
}

/** Whether the Debian syncthing package is installed (the Syncthing tests skip otherwise). */
export function syncthingInstalled(): boolean {
  return spawnSync('syncthing', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * Syncthing as the Debian package ships it, its GUI on a free loopback port; its sync protocol kept off the
 * network (no global or local discovery, relays, NAT, usage or crash reports, upgrades), which the audit never looks at.
 */
export async function startSyncthing(): Promise<RunningApp> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rg-syncthing-'));
  const home = join(dir, 'home');
  const generated = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], { encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(`syncthing generate failed: ${generated.stderr}`);
  const config = join(home, 'config.xml');
  const offline = readFileSync(config, 'utf8')
    .replace(/<listenAddress>[^<]*<\/listenAddress>/g, '')
    .replace('<globalAnnounceEnabled>true', '<globalAnnounceEnabled>false')
    .replace('<localAnnounceEnabled>true', '<localAnnounceEnabled>false')
    .replace('<relaysEnabled>true', '<relaysEnabled>false')
    .replace('<natEnabled>true', '<natEnabled>false')
    .replace('<crashReportingEnabled>true', '<crashReportingEnabled>false')
    .replace('<startBrowser>true', '<startBrowser>false')
    .replace(/<urAccepted>\d+/, '<urAccepted>-1')
    .replace(/<autoUpgradeIntervalH>\d+/, '<autoUpgradeIntervalH>0')
    .replace('<relaysEnabled>false</relaysEnabled>', '<relaysEnabled>false</relaysEnabled>\n        <listenAddress>tcp://127.0.0.1:0</listenAddress>');
  writeFileSync(config, offline);
  return start('syncthing', ['serve', `--home=${home}`, `--gui-address=127.0.0.1:${port}`, '--no-browser', '--no-restart'], {
    cwd: dir,
    env: { STNOUPGRADE: '1', STNODEFAULTFOLDER: '1' },
    url: `http://127.0.0.1:${port}/`,
    timeoutMs: 30000,
  });
}

/** PHP applications Debian packages for Apache: the package's own Apache configuration and where it serves the app. */
const DEBIAN_PHP_APPS: Record<'adminer' | 'dokuwiki', { conf: string; path: string; modules?: readonly string[] }> = {
  adminer: { conf: '/etc/apache2/conf-available/adminer.conf', path: '/adminer/' },
  // Its apache.conf restricts with mod_access_compat (`Allow from localhost 127.0.0.1 ::1`).
  dokuwiki: { conf: '/etc/dokuwiki/apache.conf', path: '/dokuwiki/', modules: ['access_compat'] },
};
type DebianPhpApp = keyof typeof DEBIAN_PHP_APPS;

/** Whether Debian's apache2, libapache2-mod-php and `app`'s package are installed (its test skips otherwise). */
export function debianPhpAppInstalled(app: DebianPhpApp): boolean {
  return spawnSync('apache2', ['-v'], { encoding: 'utf8' }).status === 0 && phpModule() !== undefined && existsSync(DEBIAN_PHP_APPS[app].conf);
}

/** libapache2-mod-php's module name, by the PHP version Debian ships (php8.2 in bookworm). */
function phpModule(): string | undefined {
  const dir = '/etc/apache2/mods-available';
  return existsSync(dir) ? readdirSync(dir).find((f) => /^php[\d.]+\.load$/.test(f))?.replace(/\.load$/, '') : undefined;
}

/**
 * A PHP application as Debian packages it (Adminer, DokuWiki), under Apache with mod_php, in the foreground as
 * this user (no system service): a test-owned apache2.conf that includes the packages' own files (Debian's
 * default modules with their shipped settings, mod_status's status.conf with `Require local`, security.conf, the
 * application's Apache configuration) and Debian's apache2.conf directory rules, listening on a free loopback
 * port. Run as root, Apache's children need a user of their own: Debian's www-data. PHP's temporary directory
 * is the test's, so Adminer's count of failed logins starts at zero every run.
 */
export async function startDebianPhpApp(app: DebianPhpApp): Promise<RunningApp> {
  const { conf: appConf, path, modules: extra = [] } = DEBIAN_PHP_APPS[app];
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `rg-${app}-`));
  const phpTmp = join(dir, 'php-tmp');
  mkdirSync(phpTmp);
  chmodSync(dir, 0o755);
  chmodSync(phpTmp, 0o1777);
  const mods = ['mpm_prefork', 'authz_core', 'authz_host', 'mime', 'dir', 'alias', 'status', ...extra, phpModule()!];
  const conf = [
    `PidFile ${dir}/apache2.pid`,
    `DefaultRuntimeDir ${dir}`,
    `Mutex file:${dir} default`,
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    `ErrorLog ${dir}/error.log`,
    ...(process.getuid?.() === 0 ? ['User www-data', 'Group www-data'] : []),
    ...mods.flatMap((m) => [`Include /etc/apache2/mods-available/${m}.load`, `IncludeOptional /etc/apache2/mods-available/${m}.conf`]),
    'Include /etc/apache2/conf-available/security.conf',
    `Include ${appConf}`,
    // Debian's apache2.conf and default site, for the paths the audit reaches.
    '<Directory />\n  AllowOverride None\n  Require all denied\n</Directory>',
    '<Directory /usr/share>\n  AllowOverride None\n  Require all granted\n</Directory>',
    '<Directory /var/www/>\n  Require all granted\n</Directory>',
    'DocumentRoot /var/www/html',
    `php_admin_value sys_temp_dir ${phpTmp}`,
  ].join('\n');
  writeFileSync(join(dir, 'apache2.conf'), conf + '\n');
  // Apache stops by signalling its whole process group (prefork's shutdown): a group of its own, not the test runner's.
  return start('apache2', ['-f', join(dir, 'apache2.conf'), '-DFOREGROUND'], { cwd: dir, url: `http://127.0.0.1:${port}${path}`, ownProcessGroup: true });
}

/**
 * Verdaccio, the private npm registry, with the configuration it ships (conf/default.yaml: htpasswd auth, anyone may
 * read, any logged-in user may publish) but without its npmjs uplink, so that a probe of an unknown path never makes
 * it ask the public registry; on a free loopback port.
 */
export async function startVerdaccio(): Promise<RunningApp> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rg-verdaccio-'));
  const shipped = readFileSync(join(process.cwd(), 'node_modules', '@verdaccio', 'config', 'build', 'conf', 'default.yaml'), 'utf8');
  const offline = shipped.replace(/^uplinks:\n(?:[ \t]+.*\n|[ \t]*\n)*/m, '').replace(/^[ \t]+proxy: npmjs[ \t]*\n/gm, '');
  if (/npmjs/.test(offline.replace(/#.*$/gm, ''))) throw new Error('verdaccio: the shipped configuration still names the npmjs uplink');
  writeFileSync(join(dir, 'config.yaml'), offline);
  return start(process.execPath, [packageBin('verdaccio', 'bin/verdaccio'), '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    url: `http://127.0.0.1:${port}/`,
    timeoutMs: 30000,
  });
}
