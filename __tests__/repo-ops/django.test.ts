import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { djangoChecks } from '../../src/checks/django/index.js';
import { evaluate, parsePythonModule, type PyStatement } from '../../src/parse/python.js';
import * as fx from './fixtures.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function audit(files: fx.Files) {
  const repo = makeRepo(files);
  repos.push(repo);
  return runChecks(djangoChecks, { repo: repo.root });
}

const at = (findings: Array<{ status: string; location?: { path: string; line: number } }>) =>
  findings.map((f) => `${f.status} ${f.location ? `${f.location.path}:${f.location.line}` : '-'}`);

describe('django.debug with the deployment turning the fallback off', () => {
  it('is P1 when the .env compose reads sets the variable off (WebODM: WO_DEBUG=NO), P0 when it sets it on, and a script exporting it behind an option does not count', async () => {
    const settings = "import os\nDEBUG = os.environ.get('WO_DEBUG', 'YES') == 'YES'\nSECRET_KEY = os.environ['SECRET_KEY']\n";
    const base = {
      'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\n",
      'app/__init__.py': '',
      'app/settings.py': settings,
      'docker-compose.yml': 'services:\n  web:\n    image: acme/app:1.0\n    environment:\n      - WO_DEBUG\n',
      'start.sh': 'case "$1" in\n  --debug) export WO_DEBUG=YES ;;\nesac\ndocker compose up -d\n',
    };
    const off = of(await audit({ ...base, '.env': 'WO_HOST=localhost\nWO_DEBUG=NO\n' }), 'django.debug');
    expect(off.map((f) => [f.status, f.severity])).toEqual([['fail', 'P1']]);
    expect(off[0]!.message).toContain('The deployment sets WO_DEBUG=NO (.env:2), so this holds only where it is left unset: P1.');
    const on = of(await audit({ ...base, '.env': 'WO_DEBUG=YES\n' }), 'django.debug');
    expect(on.map((f) => [f.status, f.severity])).toEqual([['fail', 'P0']]);
    expect(of(await audit(base), 'django.debug').map((f) => [f.status, f.severity])).toEqual([['fail', 'P0']]);
  });
});

describe('django.secret-key with a long and varied committed key', () => {
  it("fails a strong literal SECRET_KEY production uses unchanged (Kiwi TCMS), and a strong fallback no deployment file replaces; passes the fallback the deployment sets", async () => {
    const key = ['^8y!)q#3Lz', 'p7&Vn2@Rk9', 'w5$Tb1*Hm6', 'x4%Jc8(Gd0', 'f3+Ys7=Qa2e'].join('');
    const base = { 'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\n", 'app/__init__.py': '' };
    const literal = of(await audit({ ...base, 'app/settings.py': `SECRET_KEY = "${key}"\nDEBUG = False\n` }), 'django.secret-key');
    expect(literal.map((f) => [f.status, f.severity])).toEqual([['fail', 'P0']]);
    expect(literal[0]!.message).toContain('long and varied enough, but committed');
    expect(JSON.stringify(literal)).not.toContain(key);
    const fallback = { ...base, 'app/settings.py': `import os\nSECRET_KEY = os.environ.get("SECRET_KEY", "${key}")\n` };
    expect(of(await audit(fallback), 'django.secret-key').map((f) => [f.status, f.severity])).toEqual([['fail', 'P0']]);
    const compose = 'services:\n  web:\n    image: acme/app:1.0\n    environment:\n      SECRET_KEY: ${SECRET_KEY:?set it}\n';
    expect(of(await audit({ ...fallback, 'docker-compose.yml': compose }), 'django.secret-key').map((f) => f.status)).toEqual(['pass']);
  });
});

describe('django.* on settings/base.py + settings/prod.py (star import, production named in wsgi.py)', () => {
  it('reports every flaw of the production module with exact locations', async () => {
    const result = await audit(fx.djangoSettingsFlawed());
    const debug = of(result, 'django.debug');
    expect(at(debug)).toEqual(['fail mysite/settings/prod.py:3']);
    expect(debug[0]!.severity).toBe('P0');
    expect(debug[0]!.message).toContain('DEBUG is on when DJANGO_DEBUG is not set: it falls back to True (mysite/settings/prod.py:3)');

    const key = of(result, 'django.secret-key');
    expect(at(key)).toEqual(['fail mysite/settings/base.py:3']);
    expect(key[0]!.message).toContain('SECRET_KEY falls back to a literal when DJANGO_SECRET_KEY is unset (djan[redacted, 22 chars]) at mysite/settings/base.py:3 that starts with "django-insecure-"');
    expect(key[0]!.message).not.toContain('abc123');

    expect(at(of(result, 'django.allowed-hosts'))).toEqual(['fail mysite/settings/prod.py:4']);
    expect(of(result, 'django.allowed-hosts')[0]!.message).toContain("ALLOWED_HOSTS allows every host ('*') when DJANGO_ALLOWED_HOSTS is unset");

    const https = of(result, 'django.https');
    expect(https.map((f) => `${f.location ? `${f.location.path}:${f.location.line}` : f.file} ${/security\.W\d+/.exec(f.message)![0]} ${f.message.split(' ')[0]}`)).toEqual([
      'mysite/settings/prod.py security.W008 SECURE_SSL_REDIRECT',
      'mysite/settings/prod.py:6 security.W004 SECURE_HSTS_SECONDS',
    ]);
    // The redirect and HSTS are as often the TLS-terminating proxy's: P2 (SEVERITY.md); only SESSION_COOKIE_SECURE is P1.
    expect(https.every((f) => f.status === 'fail' && f.severity === 'P2')).toBe(true);

    const middleware = of(result, 'django.middleware');
    expect(middleware.map((f) => `${f.location!.path}:${f.location!.line} ${/security\.W\d+/.exec(f.message)![0]} ${f.severity}`)).toEqual([
      'mysite/settings/base.py:7 security.W003 P1',
      // Framing protection is defence in depth (as headers.frame-options live).
      'mysite/settings/base.py:7 security.W002 P2',
    ]);

    const cors = of(result, 'django.cors');
    expect(at(cors)).toEqual(['fail mysite/settings/base.py:11']);
    expect(cors[0]!.message).toContain("CORS_ALLOW_CREDENTIALS = True (mysite/settings/base.py:12) lets any site read responses with the visitor's cookies");
    expect(cors[0]!.message).toContain('[settings module mysite/settings/prod.py: mysite.settings.prod is named by DJANGO_SETTINGS_MODULE in mysite/wsgi.py]');
  });

  it('gives no django.* failure for a fully hardened production module', async () => {
    const result = await audit(fx.djangoSettingsHardened());
    const statuses = result.findings.map((f) => `${f.checkId} ${f.status}`).sort();
    expect(statuses).toEqual([
      'django.allowed-hosts pass',
      'django.cors pass',
      'django.debug pass',
      'django.https pass',
      'django.middleware pass',
      'django.secret-key pass',
    ]);
    expect(of(result, 'django.https')[0]!.message).toContain('SECURE_SSL_REDIRECT, CSRF_COOKIE_SECURE, SECURE_HSTS_SECONDS are set in mysite/settings/prod.py (with mysite/settings/base.py)');
    expect(of(result, 'django.allowed-hosts')[0]!.message).toContain('ALLOWED_HOSTS = ["example.com"] when DJANGO_ALLOWED_HOSTS is unset');
  });

  it('reads a single settings.py and judges a literal weak key and literal DEBUG', async () => {
    const result = await audit({
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      'proj/settings.py': 'SECRET_KEY = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"\nDEBUG = True\nALLOWED_HOSTS = ["api.example.com"]\n',
    });
    expect(at(of(result, 'django.debug'))).toEqual(['fail proj/settings.py:2']);
    expect(of(result, 'django.secret-key')[0]!.message).toContain('has 1 distinct characters (fewer than 5)');
    expect(of(result, 'django.secret-key')[0]!.message).not.toContain('aaaaaaaaaaaa');
    expect(at(of(result, 'django.allowed-hosts'))).toEqual(['pass -']);
  });

  it('follows django-environ schemes and decouple defaults', async () => {
    const result = await audit({
      'manage.py': '',
      'conf/settings.py': 'import environ\nfrom decouple import config\n\nenv = environ.Env(DJANGO_DEBUG=(bool, True))\nDEBUG = env("DJANGO_DEBUG")\nSECURE_SSL_REDIRECT = config("SSL_REDIRECT", default=False, cast=bool)\n',
    });
    expect(at(of(result, 'django.debug'))).toEqual(['fail conf/settings.py:5']);
    expect(of(result, 'django.https').map((f) => `${f.location ? `${f.location.path}:${f.location.line}` : f.file} ${f.message.split(' (')[0]}`)).toContain('conf/settings.py:6 SECURE_SSL_REDIRECT is False when SSL_REDIRECT is unset at conf/settings.py:6');
  });

  it('reads branches on the environment as conditional: present for https, not a DEBUG verdict', async () => {
    const result = await audit({
      'manage.py': '',
      'conf/settings.py': [
        'import os',
        'ENVIRONMENT = os.environ.get("ENVIRONMENT", "development")',
        'DEBUG = False',
        'if ENVIRONMENT == "development":',
        '    DEBUG = True',
        'elif ENVIRONMENT == "production":',
        '    SECURE_SSL_REDIRECT = True',
        '    SESSION_COOKIE_SECURE = True',
        '    CSRF_COOKIE_SECURE = True',
        '    SECURE_HSTS_SECONDS = 3600',
        '',
      ].join('\n'),
    });
    expect(of(result, 'django.debug').map((f) => [f.status, f.message])).toEqual([['pass', 'DEBUG is assigned under a condition the deployment decides (conf/settings.py:5); not judged.']]);
    expect(at(of(result, 'django.https'))).toEqual(['pass -']);
  });

  it('leaves test and example settings out (a reusable app\'s tests/settings.py)', async () => {
    const result = await audit({ 'tests/settings.py': 'DEBUG = True\nSECRET_KEY = "x"\nINSTALLED_APPS = ["myapp"]\n', 'myapp/models.py': '' });
    expect(result.findings.map((f) => f.status)).toEqual(['skip', 'skip', 'skip', 'skip', 'skip', 'skip']);
  });

  it('skips a repository without Django', async () => {
    const result = await audit({ 'app.py': 'print("hi")\n' });
    expect(result.findings.map((f) => f.status)).toEqual(['skip', 'skip', 'skip', 'skip', 'skip', 'skip']);
  });
});

describe('evaluation of settings under an unset environment', () => {
  const valueOf = (source: string) => {
    const statements = parsePythonModule(source).statements;
    const last = statements[statements.length - 1] as Extract<PyStatement, { kind: 'assign' }>;
    const env = new Map<string, ReturnType<typeof evaluate>>();
    for (const s of statements) if (s.kind === 'assign') env.set(s.targets[0]!, evaluate(s.value, { lookup: (n) => env.get(n) }));
    return evaluate(last.value, { lookup: (n) => env.get(n) });
  };
  it.each([
    ['DEBUG = env.bool("DEBUG", default=True)', true],
    ['DEBUG = env.bool("DEBUG", False)', false],
    ['DEBUG = config("DEBUG", default="True", cast=bool)', true],
    ['DEBUG = config("DEBUG", default=False, cast=bool)', false],
    ['DEBUG = os.getenv("DEBUG", "0") == "1"', false],
    ['DEBUG = os.getenv("DEBUG")', null],
    ['DEBUG = bool(int(os.environ.get("DEBUG", 1)))', true],
    ['DEBUG = os.environ.get("DEBUG", "False").lower() not in ("false", "0")', false],
    ['X = "a" if os.getenv("PROD") else "b"\nDEBUG = X == "b"', true],
    ['DEBUG = """True""" == "True"  # comment', true],
  ])('%s -> %p', (source, expected) => {
    const r = valueOf(source);
    expect(r.known && r.value).toBe(expected);
  });
  it('keeps a required variable unknown', () => {
    expect(valueOf('SECRET_KEY = os.environ["SECRET_KEY"]')).toEqual({ known: false, reason: 'required from the environment (SECRET_KEY)', envVar: 'SECRET_KEY' });
    expect(valueOf('DEBUG = env("DEBUG")').known).toBe(false);
  });
});
