// Which Django settings module runs in production, and what its settings
// resolve to: real shapes seen on open-source projects, each with a flawed
// and a clean twin and the exact findings expected.

import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { djangoChecks } from '../../src/checks/django/index.js';
import type { Finding } from '../../src/engine/types.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function audit(files: Record<string, string>) {
  const repo = makeRepo(files);
  repos.push(repo);
  return runChecks(djangoChecks, { repo: repo.root });
}

const at = (findings: Finding[]) => findings.map((f) => `${f.status} ${f.location ? `${f.location.path}:${f.location.line}` : '-'}`);
const failing = (findings: Finding[]) => findings.filter((f) => f.status === 'fail').map((f) => `${f.checkId} ${f.location!.path}:${f.location!.line}`);

const manage = (module: string) => `import os\nimport sys\n\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${module}")\n`;

const HARDENED = `SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
`;

describe('a literal default given to a project helper (saleor: DEBUG = get_bool_from_env("DEBUG", True))', () => {
  const settings = (debugDefault: string) => `import os
from .utils import get_bool_from_env

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = get_bool_from_env("DEBUG", ${debugDefault})
ALLOWED_HOSTS = get_list(os.environ.get("ALLOWED_HOSTS", "localhost"))
${HARDENED}`;

  it('judges the default and says whose default it is', async () => {
    const result = await audit({ 'manage.py': manage('shop.settings'), 'shop/settings.py': settings('True'), 'shop/utils.py': 'def get_bool_from_env(name, default):\n    return default\n' });
    const debug = of(result, 'django.debug');
    expect(at(debug)).toEqual(['fail shop/settings.py:5']);
    expect(debug[0]!.severity).toBe('P0');
    expect(debug[0]!.message).toContain('DEBUG is on when DEBUG is not set: it falls back to True, the default given to get_bool_from_env() (shop/settings.py:5)');
    expect(failing(result.findings)).toEqual(['django.debug shop/settings.py:5']);
  });

  it('passes the clean twin (default False)', async () => {
    const result = await audit({ 'manage.py': manage('shop.settings'), 'shop/settings.py': settings('False'), 'shop/utils.py': 'def get_bool_from_env(name, default):\n    return default\n' });
    expect(failing(result.findings)).toEqual([]);
  });

  it('reads env.bool, os.getenv(...) == "True" and decouple config defaults the same way', async () => {
    for (const [line, expected] of [
      ['DEBUG = env.bool("DJANGO_DEBUG", default=True)', ['fail shop/settings.py:2']],
      ['DEBUG = os.getenv("DJANGO_DEBUG", "True") == "True"', ['fail shop/settings.py:2']],
      ['DEBUG = config("DJANGO_DEBUG", cast=bool, default=True)', ['fail shop/settings.py:2']],
      ['DEBUG = os.getenv("DJANGO_DEBUG", "False") == "True"', ['pass -']],
    ] as const) {
      const result = await audit({ 'manage.py': manage('shop.settings'), 'shop/settings.py': `import os\n${line}\nSECRET_KEY = os.environ["SECRET_KEY"]\nALLOWED_HOSTS = ["shop.example"]\n${HARDENED}` });
      expect(at(of(result, 'django.debug'))).toEqual(expected);
    }
  });
});

describe('MIDDLEWARE = [*MIDDLEWARE, "x"] under an if (a list spread is the list plus the item)', () => {
  const settings = (middleware: string) => `import os
SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["shop.example"]
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
MIDDLEWARE = [
${middleware}]
if os.environ.get("ENABLE_DEBUG_TOOLBAR"):
    MIDDLEWARE = [*MIDDLEWARE, "debug_toolbar.middleware.DebugToolbarMiddleware"]
MIDDLEWARE += ["shop.middleware.RequestIdMiddleware"]
`;

  it('keeps the three security middleware of the list that is spread', async () => {
    const result = await audit({
      'manage.py': manage('shop.settings'),
      'shop/settings.py': settings('    "django.middleware.security.SecurityMiddleware",\n    "django.middleware.csrf.CsrfViewMiddleware",\n    "django.middleware.clickjacking.XFrameOptionsMiddleware",\n'),
    });
    expect(at(of(result, 'django.middleware'))).toEqual(['pass -']);
  });

  it('still fails the one missing from the spread list (flawed twin)', async () => {
    const result = await audit({
      'manage.py': manage('shop.settings'),
      'shop/settings.py': settings('    "django.middleware.security.SecurityMiddleware",\n    "django.middleware.clickjacking.XFrameOptionsMiddleware",\n'),
    });
    const middleware = of(result, 'django.middleware');
    expect(at(middleware)).toEqual(['fail shop/settings.py:9']);
    expect(middleware[0]!.message).toContain('django.middleware.csrf.CsrfViewMiddleware is not in MIDDLEWARE');
  });
});

describe('the settings module comes from DJANGO_SETTINGS_MODULE, not from a helper next to it', () => {
  it('does not choose settings_utils.py (helpers) as a settings module', async () => {
    const result = await audit({
      'manage.py': manage('proj.settings'),
      'proj/settings.py': `import os\nfrom .settings_utils import env_list\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\nALLOWED_HOSTS = env_list("ALLOWED_HOSTS")\n${HARDENED}`,
      'proj/settings_utils.py': 'import os\n\ndef env_list(name):\n    return os.environ[name].split(",")\n',
    });
    expect(failing(result.findings)).toEqual([]);
    expect(result.findings.every((f) => !f.message.includes('settings_utils.py:'))).toBe(true);
    expect(result.findings.some((f) => f.location?.path === 'proj/settings_utils.py')).toBe(false);
  });

  it('in discovery (nothing names a module) a helper that assigns no Django setting is not a settings module', async () => {
    const result = await audit({
      'proj/settings.py': `import os\nINSTALLED_APPS = ["shop"]\nSECRET_KEY = os.environ["SECRET_KEY"]\nALLOWED_HOSTS = ["shop.example"]\n${HARDENED}`,
      'proj/settings_utils.py': 'import os\n\ndef env_list(name):\n    return os.environ[name].split(",")\n',
    });
    expect(failing(result.findings)).toEqual([]);
    expect(of(result, 'django.debug')[0]!.message).toContain('DEBUG is not set in proj/settings.py');
  });

  it('judges a project package named `example` when manage.py names example.settings (flawed)', async () => {
    const result = await audit({
      'manage.py': manage('example.settings'),
      'example/__init__.py': '',
      'example/settings/__init__.py': 'from .base import *\nDEBUG = True\n',
      'example/settings/base.py': `import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nALLOWED_HOSTS = ["*"]\n${HARDENED}`,
    });
    expect(failing(result.findings)).toEqual(['django.debug example/settings/__init__.py:2', 'django.allowed-hosts example/settings/base.py:3']);
    const debug = of(result, 'django.debug')[0]!;
    expect(debug.role).toEqual({ role: 'production', reason: 'read by the settings module example.settings, named by DJANGO_SETTINGS_MODULE in manage.py:5', rule: 'evidence:settings-module' });
  });

  it('passes the clean `example` package twin', async () => {
    const result = await audit({
      'manage.py': manage('example.settings'),
      'example/settings.py': `import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\nALLOWED_HOSTS = ["example.org"]\n${HARDENED}`,
    });
    expect(result.findings.map((f) => `${f.checkId} ${f.status}`).sort()).toEqual([
      'django.allowed-hosts pass',
      'django.cors pass',
      'django.debug pass',
      'django.https pass',
      'django.middleware pass',
      'django.secret-key pass',
    ]);
  });

  it('does not lift an examples/ project whose own manage.py names it', async () => {
    const result = await audit({
      'examples/demo/manage.py': manage('demo.settings'),
      'examples/demo/demo/settings.py': 'DEBUG = True\nALLOWED_HOSTS = ["*"]\n',
    });
    expect(failing(result.findings)).toEqual([]);
  });

  it('follows a Dockerfile that copies its settings into place (taiga: cp docker/config.py settings/config.py)', async () => {
    const result = await audit({
      'manage.py': manage('settings.common'),
      'settings/__init__.py': '',
      'settings/common.py': `import os\nSECRET_KEY = "aw3+t2r(8(0kkrhg8)gx6i96v5^kv%6cfep9wxfom0%7dy0m9e"\nDEBUG = True\nALLOWED_HOSTS = ["api.example.com"]\n${HARDENED}`,
      'docker/config.py': 'from .common import *\nimport os\n\nDEBUG = os.getenv("DEBUG", "False") == "True"\nSECRET_KEY = os.getenv("TAIGA_SECRET_KEY")\n',
      'docker/Dockerfile': 'FROM python:3.11-slim\nCOPY . /taiga-back\nRUN cp docker/config.py settings/config.py\nENV DJANGO_SETTINGS_MODULE=settings.config\n',
    });
    expect(failing(result.findings)).toEqual([]);
    expect(of(result, 'django.debug')[0]!.message).toContain('settings.config is named by DJANGO_SETTINGS_MODULE in docker/Dockerfile (copied to settings/config.py)');
  });

  it('reads the Dockerfile ENV space form and judges the module it names (flawed)', async () => {
    const result = await audit({
      'manage.py': manage('mysite.settings.dev'),
      'mysite/settings/dev.py': 'from .base import *\nDEBUG = True\n',
      'mysite/settings/web.py': 'from .base import *\nALLOWED_HOSTS = ["*"]\n',
      'mysite/settings/base.py': `import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\n${HARDENED}`,
      Dockerfile: 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE mysite.settings.web\n',
    });
    expect(failing(result.findings)).toEqual(['django.allowed-hosts mysite/settings/web.py:2']);
  });
});

describe('a settings module that cannot be read', () => {
  it('is an error at that file for every django check, not a pass or a skip', async () => {
    const result = await audit({ 'manage.py': manage('proj.settings'), 'proj/settings.py': 'DEBUG = True\n\u0000\n' });
    expect(at(of(result, 'django.debug'))).toEqual(['error proj/settings.py:1']);
    expect(of(result, 'django.debug')[0]!.message).toContain('The settings module proj/settings.py (proj.settings is named by DJANGO_SETTINGS_MODULE in manage.py (manage.py)) cannot be read');
    expect(result.findings.every((f) => f.status === 'error')).toBe(true);
  });
});

describe('a settings module with a syntax error midway', () => {
  const settings = (debug: string) =>
    `import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = ${debug}\nALLOWED_HOSTS = ["example.com"\nTIME_ZONE = = "UTC"\n${HARDENED}`;

  it('still reads the settings before and after the error, and fails on them', async () => {
    const result = await audit({ 'manage.py': manage('proj.settings'), 'proj/settings.py': settings('True') });
    expect(failing(result.findings)).toEqual(['django.debug proj/settings.py:3']);
    expect(of(result, 'django.debug')[0]!.message).toContain('proj/settings.py:5 does not parse (syntax error): Python cannot import this settings module');
    // After the error: the hardening block is read, so the HTTPS settings pass (with the note).
    expect(of(result, 'django.https').map((f) => f.status)).toEqual(['pass']);
    expect(of(result, 'django.https')[0]!.message).toContain('does not parse');
  });

  it('is an error, not a pass, for the P0 checks when what was read looks fine', async () => {
    const result = await audit({ 'manage.py': manage('proj.settings'), 'proj/settings.py': settings('False') });
    expect(at(of(result, 'django.debug'))).toEqual(['error proj/settings.py:5']);
    expect(at(of(result, 'django.secret-key'))).toEqual(['error proj/settings.py:5']);
    expect(of(result, 'django.debug')[0]!.message).toMatch(/^proj\/settings\.py:5 does not parse \(syntax error\): Python cannot import this settings module, so this is not judged as a pass\./);
  });

  it('an unterminated string is named as the cause', async () => {
    const result = await audit({ 'manage.py': manage('proj.settings'), 'proj/settings.py': 'DEBUG = False\nSECRET_KEY = os.environ["SECRET_KEY]\nALLOWED_HOSTS = ["example.com"]\n' });
    expect(at(of(result, 'django.debug'))).toEqual(['error proj/settings.py:2']);
    expect(of(result, 'django.debug')[0]!.message).toContain('(unterminated string)');
  });

  it('a module of garbage is an error for every P0 check, and is read quickly', async () => {
    const started = process.cpuUsage();
    const result = await audit({ 'manage.py': manage('proj.settings'), 'proj/settings.py': `DEBUG = False\n${'$?`)'.repeat(120_000)}\n` });
    const cpu = process.cpuUsage(started);
    expect(at(of(result, 'django.debug'))).toEqual(['error proj/settings.py:2']);
    expect(at(of(result, 'django.secret-key'))).toEqual(['error proj/settings.py:2']);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2000);
  });
});

describe('settings read from a settings-like file under another name', () => {
  it("NetBox shape: configuration = importlib.import_module(...); ALLOWED_HOSTS = getattr(configuration, 'ALLOWED_HOSTS')", async () => {
    const result = await audit({
      'netbox/manage.py': manage('netbox.settings'),
      'netbox/netbox/__init__.py': '',
      'netbox/netbox/configuration.py': "from os import environ\nALLOWED_HOSTS = environ.get('ALLOWED_HOSTS', '*').split(' ')\nSECRET_KEY = environ['SECRET_KEY']\n",
      'netbox/netbox/settings.py': `import importlib
import os

config_path = os.getenv("NETBOX_CONFIGURATION", "netbox.configuration")
try:
    configuration = importlib.import_module(config_path)
except ModuleNotFoundError:
    raise

ALLOWED_HOSTS = getattr(configuration, "ALLOWED_HOSTS")
DEBUG = getattr(configuration, "DEBUG", False)
SECRET_KEY = getattr(configuration, "SECRET_KEY")
${HARDENED}`,
    });
    expect(failing(result.findings)).toEqual(['django.allowed-hosts netbox/netbox/configuration.py:2']);
    expect(of(result, 'django.allowed-hosts')[0]!.message).toContain("ALLOWED_HOSTS allows every host ('*') when ALLOWED_HOSTS is unset at netbox/netbox/configuration.py:2");
    expect(at(of(result, 'django.debug'))).toEqual(['pass -']);
  });

  it('from .configuration import ALLOWED_HOSTS, CORS_ORIGIN_ALLOW_ALL (flawed and clean twins)', async () => {
    const files = (hosts: string, corsAll: string) => ({
      'manage.py': manage('app.settings'),
      'app/configuration.py': `import os\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "${hosts}").split(",")\nCORS_ORIGIN_ALLOW_ALL = ${corsAll}\n`,
      'app/settings.py': `import os\nfrom .configuration import ALLOWED_HOSTS, CORS_ORIGIN_ALLOW_ALL\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\n${HARDENED}`,
    });
    expect(failing((await audit(files('*', 'True'))).findings)).toEqual(['django.allowed-hosts app/configuration.py:2', 'django.cors app/configuration.py:3']);
    expect(failing((await audit(files('app.example.com', 'False'))).findings)).toEqual([]);
  });
});
