import { describe, expect, it } from '@jest/globals';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { secretsDefaultAccount } from '../../src/checks/secrets/default-account.js';
import { audit, messages, roles, where } from './helpers.js';

const ID = 'secrets.default-account';
// Evidence that production reaches the files (SEVERITY.md): the deploy docs run the compose file, which builds
// the image, which copies the whole build context.
const DEPLOY = {
  'README.md': '# App\n\n## Deploy\n\n```sh\ndocker compose -f docker-compose.prod.yml up -d\n```\n',
  'docker-compose.prod.yml': 'services:\n  app:\n    build: .\n    ports: ["8080:8080"]\n',
};
const IMAGE = { ...DEPLOY, Dockerfile: 'FROM php:8.3-fpm\nWORKDIR /app\nCOPY . .\nCMD ["./entrypoint.sh"]\n' };
// Made-up values for these fixtures only; the assertions check none of them is ever printed.
const BCRYPT = '$2y$10$Q7v3nq1mK8dLw2xZp5sT4eR6uJ9bN0cV1aH3gF5jK7lM9oP2qS4tW';
const BCRYPT_B = '$2b$10$Zq8w1Xe2Rt3Yu4Io5Pa6Sd7Fg8Hj9Kl0Zx1Cv2Bn3Mq4Wr5Ty6UuP';
const PBKDF2 = 'pbkdf2_sha256$600000$Hq3xN8kLm2Zp$Yt7uVb5Wn3Qr1Sx9Ze6Ac4Df2Gh0Jk8Lp6Mn4Bv2Cx0=';

function secretsNeverPrinted(texts: readonly string[], secrets: readonly string[]): void {
  const text = texts.join('\n');
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('migrations and SQL seeds (shape 1)', () => {
  const LARAVEL = [
    '<?php', // 1
    'return new class extends Migration {', // 2
    '    public function up(): void', // 3
    '    {', // 4
    "        DB::table('users')->insert([", // 5
    "            'name' => 'Administrator',", // 6
    "            'email' => 'admin@admin.com',", // 7
    "            'password' => bcrypt('password'),", // 8 P0
    '        ]);', // 9
    "        DB::table('users')->insert([", // 10
    "            'name' => 'Demo',", // 11
    "            'email' => 'demo@example.com',", // 12
    "            'password' => Hash::make('demo-user-2024'),", // 13 not admin-like: not reported
    '        ]);', // 14
    "        DB::table('users')->insert(['email' => 'ops@admin.com', 'password' => Hash::make(env('ADMIN_PASSWORD'))]);", // 15 from env
    '    }', // 16
    '};', // 17
    '',
  ].join('\n');

  it('reports the Laravel migration admin at the password line, as a literal, not the demo user nor the env one', async () => {
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'database/migrations/2024_01_01_000000_create_admin.php': LARAVEL });
    expect(where(result, ID)).toEqual(['fail P0 database/migrations/2024_01_01_000000_create_admin.php:8']);
    const [message] = messages(result, ID);
    expect(message).toContain('the admin account `admin@admin.com` gets a password fixed by the repository, a literal password ([redacted, 8 chars])');
    expect(roles(result, ID)[0]).toMatch(/^production /);
    secretsNeverPrinted(messages(result, ID), ["'password'", 'bcrypt(']);
  });

  const SQL = [
    'CREATE TABLE "user" (id uuid primary key, username text, password text, role text, must_change_password boolean);', // 1
    'INSERT INTO "user" (id, username, password, role, must_change_password)', // 2
    'VALUES', // 3
    `  ('6b1f0c1e-0000-4000-8000-000000000001', 'admin', '${BCRYPT_B}', 'admin', false),`, // 4 P0
    `  ('6b1f0c1e-0000-4000-8000-000000000002', 'viewer', '${BCRYPT}', 'user', false);`, // 5 not admin
    '',
  ].join('\n');

  it('reports an INSERT of an admin with a bcrypt hash, naming the account from the column list; a plain user row is not reported', async () => {
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'migrations/0001_init.sql': SQL });
    expect(where(result, ID)).toEqual(['fail P0 migrations/0001_init.sql:4']);
    const [message] = messages(result, ID);
    expect(message).toContain('the admin account `admin` gets a password fixed by the repository, a password hash literal ($2b$[redacted, 60 chars]): the password is whatever produced it, and every install shares it.');
    secretsNeverPrinted(messages(result, ID), [BCRYPT_B, BCRYPT, BCRYPT_B.slice(7, 20)]);
  });

  it('reads an INSERT without a column list by the CREATE TABLE of the same script (RuoYi sys_user: a salted MD5 digest)', async () => {
    const sql = [
      'create table sys_user (', // 1
      '  user_id bigint(20) not null auto_increment comment \'id\',', // 2
      '  login_name varchar(30) not null,', // 3
      '  user_name varchar(30) default \'\',', // 4
      '  password varchar(50) default \'\',', // 5
      '  salt varchar(20) default \'\',', // 6
      '  primary key (user_id)', // 7
      ') engine=innodb;', // 8
      "insert into sys_user values(1, 'admin', 'Admin', '29c67a30398638269fe600f73a054934', '111111');", // 9 P0
      "insert into sys_user values(2, 'ry', 'Tester', '8e6d98b90472783cc73c17047ddccf36', '222222');", // 10 not admin
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'db/init/install.sql': sql });
    expect(where(result, ID)).toEqual(['fail P0 db/init/install.sql:9']);
    expect(messages(result, ID)[0]).toContain('the admin account `admin` gets a password fixed by the repository, a password hash literal');
    secretsNeverPrinted(messages(result, ID), ['29c67a30398638269fe600f73a054934']);
  });

  it('lowers to P1 and says so when the same row forces a password change', async () => {
    const forced = SQL.replace("'admin', false)", "'admin', true)");
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'migrations/0001_init.sql': forced });
    expect(where(result, ID)).toEqual(['fail P1 migrations/0001_init.sql:4']);
    expect(messages(result, ID)[0]).toContain('P1: the same record sets a forced password change');
  });

  it('reports a MySQL dump row for admin in sys_user', async () => {
    const dump = [
      '-- MySQL dump 10.13',
      'DROP TABLE IF EXISTS `sys_user`;',
      "INSERT INTO `sys_user` (`user_id`, `user_name`, `nick_name`, `password`, `status`) VALUES (1, 'admin', 'Admin', '" + BCRYPT.replace('$2y$', '$2a$') + "', '0');",
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'sql/app.sql': dump });
    expect(where(result, ID)).toEqual(['fail P0 sql/app.sql:3']);
    expect(messages(result, ID)[0]).toContain('`admin`');
  });

  it('does not report a hash an install step generated and wrote (a shell reference, not a literal)', async () => {
    const install = [
      '#!/bin/sh',
      'PASS=$(openssl rand -hex 16)',
      'HASH=$(htpasswd -nbB admin "$PASS" | cut -d: -f2)',
      'psql -c "INSERT INTO users (username, password, role) VALUES (\'admin\', \'$HASH\', \'admin\');"',
      'echo "admin password: $PASS"',
      '',
    ].join('\n');
    const setup = "INSERT INTO users (username, password, role) VALUES ('admin', '${ADMIN_PASSWORD_HASH}', 'admin');\n";
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'scripts/install.sh': install, 'scripts/setup.py': 'import os\nSQL = "x"\n', 'db/init/admin.sql': setup });
    expect(where(result, ID)).toEqual(['pass P0']);
  });
});

describe('accounts created by application code (shape 2)', () => {
  it('reports Go config defaults for the admin account', async () => {
    const go = [
      'package config', // 1
      '', // 2
      'var Defaults = Config{', // 3
      '\tListen:      ":8080",', // 4
      '\tDefaultUser: "admin",', // 5
      '\tDefaultPass: "admin",', // 6 P0
      '}', // 7
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'go.mod': 'module example.com/app\n', 'internal/config/defaults.go': go });
    expect(where(result, ID)).toEqual(['fail P0 internal/config/defaults.go:6']);
    expect(messages(result, ID)[0]).toContain('the admin account `admin` gets a password fixed by the repository, a literal password ([redacted, 5 chars])');
  });

  it("does not read a translation catalogue's labels as an account (Pocket ID's messages: \"ldap_bind_password\": \"LDAP Bind Password\"), and still reads a password value", async () => {
    const catalogue = '{\n  "allows_an_admin_to_send_a_login_code_to_the_user": "Allows an admin to send a login code to the user via email.",\n  "ldap_bind_dn": "LDAP Bind DN",\n  "ldap_bind_password": "LDAP Bind Password",\n  "password": "Password"\n}\n';
    const go = 'package config\n\nvar Defaults = Config{\n\tDefaultUser: "admin",\n\tDefaultPass: "admin",\n}\n';
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'go.mod': 'module example.com/app\n', 'frontend/messages/en.json': catalogue, 'internal/config/defaults.go': go });
    expect(where(result, ID)).toEqual(['fail P0 internal/config/defaults.go:5']);
  });

  it('reports a Node call that creates the admin with literal arguments, not one reading the environment', async () => {
    const js = [
      "import { createAdminUser } from './users.js';", // 1
      'export async function bootstrap(store) {', // 2
      "  await createAdminUser('admin', 'unleash4all');", // 3 P0
      '  await createAdminUser(process.env.ADMIN_USER, process.env.ADMIN_PASSWORD);', // 4
      '}', // 5
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'package.json': '{"name":"app","version":"1.0.0"}\n', 'src/bootstrap.js': js });
    expect(where(result, ID)).toEqual(['fail P0 src/bootstrap.js:3']);
    expect(messages(result, ID)[0]).toContain('`admin`');
    secretsNeverPrinted(messages(result, ID), ['unleash4all']);
  });

  it('reports the first account created when none exists, even without an admin word', async () => {
    const go = [
      'package core', // 1
      'func ensureOwner(db *DB) error {', // 2
      '\tcount, err := db.CountAccounts()', // 3
      '\tif err != nil { return err }', // 4
      '\tif count == 0 {', // 5
      '\t\treturn db.createAccount("shiori", "gopher", true)', // 6 P0
      '\t}', // 7
      '\treturn nil', // 8
      '}', // 9
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'go.mod': 'module example.com/app\n', 'internal/core/owner.go': go });
    expect(where(result, ID)).toEqual(['fail P0 internal/core/owner.go:6']);
    expect(messages(result, ID)[0]).toContain('the first account (created when none exists) `shiori`');
    secretsNeverPrinted(messages(result, ID), ['gopher']);
  });

  it('reports an ASP.NET Identity seed that creates the first user with a literal password', async () => {
    const cs = [
      'public static class Seed {', // 1
      '    public static async Task Run(UserManager<ApplicationUser> users) {', // 2
      '        if (!users.Users.Any()) {', // 3
      '            var user = new ApplicationUser { UserName = "alice", Email = "alice@example.com" };', // 4
      '            await users.CreateAsync(user, "Pass123$");', // 5 P0
      '        }', // 6
      '    }', // 7
      '}', // 8
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'src/Data/Seed.cs': cs });
    expect(where(result, ID)).toEqual(['fail P0 src/Data/Seed.cs:5']);
    expect(messages(result, ID)[0]).toContain('`alice`');
    secretsNeverPrinted(messages(result, ID), ['Pass123$']);
  });

  it('does not take a field check (len(user.Username) == 0), an earlier function\'s empty list, or adding a user to a group for a first account', async () => {
    const go = [
      'package uaa', // 1
      'func (u *Auth) OnBoardUser(ctx context.Context, user *models.User) error {', // 2
      '\tif len(user.Username) == 0 {', // 3
      '\t\treturn fmt.Errorf("the Username is empty")', // 4
      '\t}', // 5
      '\tif len(user.Password) == 0 {', // 6
      '\t\tuser.Password = "1234567ab"', // 7
      '\t}', // 8
      '\treturn u.userMgr.Onboard(ctx, user)', // 9
      '}', // 10
      '',
    ].join('\n');
    const vue = [
      'function filterUser(event) {', // 1
      '\tif (props.userList.length === 0) return;', // 2
      '\tfilteredUsers.value = props.userList.filter((user) => user.username.includes(event.query));', // 3
      '}', // 4
      ...Array.from({ length: 12 }, (_, i) => `// layout line ${i}`),
      'function createGroup() {', // 17
      '\tUserGroupService.createUserGroup(name.value, "").then((data) => {', // 18
      '\t\tusers.value.map((user) => UserGroupService.addUserToGroup(data.data.id, user.id, "member"));', // 19
      '\t});', // 20
      '}', // 21
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'go.mod': 'module example.com/app\n', 'src/core/auth/uaa/uaa.go': go, 'resources/js/components/AddUserGroupModal.vue': vue });
    expect(where(result, ID)).toEqual(['pass P0']);
  });

  it('does not report an ordinary demo user, a placeholder password, nor a user created from a generated password', async () => {
    const py = [
      'import secrets',
      'from django.contrib.auth.models import User',
      'def create_demo():',
      '    User.objects.create_user("demo", "demo@example.com", "demo-pass-2024")',
      'def create_admin():',
      '    User.objects.create_superuser("admin", "admin@example.com", "CHANGE_ME")',
      '    password = secrets.token_urlsafe(24)',
      '    User.objects.create_superuser("root", "root@example.com", password)',
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'pyproject.toml': '[project]\nname = "app"\n', 'app/bootstrap.py': py });
    expect(where(result, ID)).toEqual(['pass P0']);
  });
});

describe('near-misses in ordinary code', () => {
  it('does not take a ternary, a route, a message key, a database connection or an empty list for a seeded account', async () => {
    const ts = [
      "export const status = (ok: boolean) => ({ status: ok ? 'pass' : 'fail', role: 'admin' });",
      "const routes = { base: '/api/admin/users', forgotPassword: '/api/users/forgot-password' };",
      "export const labels = { username: 'label.username', password: 'label.password', role: 'label.admin' };",
      "export const db = { host: 'db', port: 5432, user: 'root', password: 'rootpass-2024' };",
      'export function check(values: string[]) {',
      '  if (values.length === 0) {',
      "    return register('guest', 'guest-visitor');",
      '  }',
      '}',
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'package.json': '{"name":"app","version":"1.0.0"}\n', 'src/misc.ts': ts });
    expect(where(result, ID)).toEqual(['pass P0']);
  });

  it('does not judge a test runner configuration (cypress.config.ts is a test file by the role table)', async () => {
    const cypress = "export default { env: { username: 'admin', password: 'umami-admin' } };\n";
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'package.json': '{"name":"app","version":"1.0.0"}\n', 'cypress.config.ts': cypress });
    expect(where(result, ID)).toEqual(['pass P0']);
  });
});

describe('framework fixtures (shape 3)', () => {
  const FIXTURE = JSON.stringify(
    [
      { model: 'auth.user', pk: 1, fields: { username: 'admin', email: 'admin@example.com', is_superuser: true, is_staff: true, password: PBKDF2 } },
      { model: 'auth.user', pk: 2, fields: { username: 'reader', email: 'reader@example.com', is_superuser: false, is_staff: false, password: PBKDF2.replace('Hq3x', 'Rr9z') } },
    ],
    null,
    2,
  );
  const PASSWORD_LINE = FIXTURE.split('\n').findIndex((l) => l.includes('"password"')) + 1;

  it('reports a superuser fixture that the production entrypoint loads, under the entrypoint\'s role', async () => {
    const entrypoint = '#!/bin/sh\nset -e\npython manage.py migrate --noinput\npython manage.py loaddata users.json\nexec gunicorn app.wsgi\n';
    const result = await audit([secretsDefaultAccount], {
      ...DEPLOY,
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\n',
      'entrypoint.sh': entrypoint,
      'pyproject.toml': '[project]\nname = "app"\n',
      'accounts/fixtures/users.json': FIXTURE,
    });
    expect(where(result, ID)).toEqual([`fail P0 accounts/fixtures/users.json:${PASSWORD_LINE}`]);
    expect(roles(result, ID)).toEqual(['production evidence:loaddata']);
    expect(messages(result, ID)[0]).toContain('the admin account `admin` gets a password fixed by the repository, a password hash literal (pbkd[redacted');
    secretsNeverPrinted(messages(result, ID), [PBKDF2, 'Hq3xN8kLm2Zp']);
  });

  it('does not judge the same fixture when nothing deployed loads it (a test fixture)', async () => {
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'accounts/fixtures/users.json': FIXTURE, 'tests/fixtures/admin.json': FIXTURE });
    expect(where(result, ID)).toEqual(['pass P0']);
  });

  it('reports the JHipster admin row of a Liquibase user.csv, not the user row', async () => {
    const csv = [
      'id;login;password_hash;first_name;last_name;email;activated;lang_key;created_by',
      `1;admin;${BCRYPT.replace('$2y$', '$2a$')};Administrator;Administrator;admin@localhost;true;en;system`,
      `2;user;${BCRYPT_B.replace('$2b$', '$2a$')};User;User;user@localhost;true;en;system`,
      '',
    ].join('\n');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'src/main/resources/config/liquibase/data/user.csv': csv });
    expect(where(result, ID)).toEqual(['fail P0 src/main/resources/config/liquibase/data/user.csv:2']);
    expect(messages(result, ID)[0]).toContain('`admin`');
  });
});

describe('admin password defaults in setup scripts (shape 4)', () => {
  const SETUP = [
    '#!/bin/sh', // 1
    'set -e', // 2
    'DJANGO_ADMIN_USER=${DJANGO_ADMIN_USER:-admin}', // 3
    'DJANGO_ADMIN_PASSWORD=${DJANGO_ADMIN_PASSWORD:-admin}', // 4 P0
    'DJANGO_SECRET_HINT=${DJANGO_SECRET_HINT:-none}', // 5 not a password
    'python manage.py shell -c "create_admin(\'$DJANGO_ADMIN_USER\', \'$DJANGO_ADMIN_PASSWORD\')"', // 6
    '',
  ].join('\n');

  it('reports an admin password variable that falls back to a literal, naming the account and the variable', async () => {
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'scripts/setup.sh': SETUP });
    expect(where(result, ID)).toEqual(['fail P0 scripts/setup.sh:4']);
    expect(messages(result, ID)[0]).toContain('the admin account `admin` gets a password fixed by the repository, a literal password ([redacted, 5 chars]), the same on every install where DJANGO_ADMIN_PASSWORD is not set.');
  });

  it('does not report a required variable, a placeholder fallback, or a script under tests/', async () => {
    const required = SETUP.replace('${DJANGO_ADMIN_PASSWORD:-admin}', '${DJANGO_ADMIN_PASSWORD:?set it}');
    const placeholder = SETUP.replace('${DJANGO_ADMIN_PASSWORD:-admin}', '${DJANGO_ADMIN_PASSWORD:-CHANGE_ME}');
    const result = await audit([secretsDefaultAccount], { ...IMAGE, 'scripts/setup.sh': required, 'scripts/init.sh': placeholder, 'tests/setup.sh': SETUP });
    expect(where(result, ID)).toEqual(['pass P0']);
  });
});

describe('roles and the whole family', () => {
  it('does not judge seeders (demo rows), and caps a file whose role is unknown at P1', async () => {
    const seeder = "<?php\nUser::create(['email' => 'admin@admin.com', 'password' => Hash::make('secret')]);\n";
    const result = await audit([secretsDefaultAccount], { 'database/seeders/DatabaseSeeder.php': seeder, 'src/Admin.php': seeder });
    expect(where(result, ID)).toEqual(['fail P1 src/Admin.php:2']);
  });

  it('is registered with the secrets family and keeps one finding per line over secrets.hardcoded', async () => {
    expect(secretsChecks.map((c) => c.id)).toContain(ID);
    const go = 'package config\nvar D = Config{\n\tAdminUser: "admin",\n\tAdminPassword: "Xk4mZq9tLr2Wv7Np",\n}\n';
    const result = await audit(secretsChecks, { ...IMAGE, 'go.mod': 'module x\n', 'config/defaults.go': go });
    expect(where(result, ID)).toEqual(['fail P0 config/defaults.go:4']);
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail'))).toEqual([]);
    secretsNeverPrinted(messages(result, ID), ['Xk4mZq9tLr2Wv7Np']);
  });
});

describe('translation catalogues', () => {
  it('are interface text, never an account ("Change password" in lang/ and i18n/ files)', async () => {
    const result = await audit(secretsChecks, {
      ...IMAGE,
      'lang/fr/preferences.php': "<?php return ['admin_password' => 'Changer le mot de passe', 'username' => 'Nom d’utilisateur admin'];\n",
      'i18n/de.json': '{"admin.password": "Passwort ändern", "admin.username": "Benutzername"}\n',
    });
    expect(where(result, ID)).toEqual(['pass P0']);
  });
});

describe('text that is not an account', () => {
  it('a commented-out line, interface text and a role name are no seeded password', async () => {
    const result = await audit(secretsChecks, {
      ...IMAGE,
      'config/config.template.yml': '# authentication_backend:\n#   ldap:\n#     user: cn=admin,dc=example,dc=com\n#     password: s3cr3tAdm1n\n',
      'src/Constants/Policies.cs': 'public static class PolicyConstants\n{\n    public const string Admin = "Admin";\n    public const string ChangePassword = "Change Password";\n}\n',
      'app/Livewire/Server/Form.php': "<?php\n$fields = ['admin_user' => 'Root User', 'admin_password' => 'Root Password'];\n",
    });
    expect(where(result, ID)).toEqual(['pass P0']);
  });
});
