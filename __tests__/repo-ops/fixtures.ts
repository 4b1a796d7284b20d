// Fixture repositories for the repo-ops checks, as file maps written into real
// temporary directories (makeRepo). Line numbers asserted by the tests are the
// lines of these strings, so keep edits careful.

export type Files = Record<string, string>;

const manage = (settings: string): string => `#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${settings}")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
`;

const minimalSettings = `SECRET_KEY = "test-only-not-secret-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["shop"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
`;

const initial = `from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("total", models.IntegerField(default=0)),
            ],
        ),
    ]
`;

const addNote = `from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="note",
            field=models.CharField(default="", max_length=100),
        ),
    ]
`;

const addStatus = `from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="order",
            name="status",
            field=models.CharField(default="new", max_length=20),
        ),
    ]
`;

const merge = `from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("shop", "0002_order_note"),
        ("shop", "0002_order_status"),
    ]

    operations = []
`;

const models = (fields: string[]): string => `from django.db import models


class Order(models.Model):
    total = models.IntegerField(default=0)
${fields.map((f) => `    ${f}\n`).join('')}`;

const djangoBase = (settings = minimalSettings): Files => ({
  'manage.py': manage('mysite.settings'),
  'mysite/__init__.py': '',
  'mysite/settings.py': settings,
  'shop/__init__.py': '',
  'shop/migrations/__init__.py': '',
  'shop/migrations/0001_initial.py': initial,
});

const NOTE = 'note = models.CharField(default="", max_length=100)';
const STATUS = 'status = models.CharField(default="new", max_length=20)';

/** Two branches each added a 0002 migration: two leaves in app "shop". */
export const djangoConflict = (): Files => ({
  ...djangoBase(),
  'shop/models.py': models([NOTE, STATUS]),
  'shop/migrations/0002_order_note.py': addNote,
  'shop/migrations/0002_order_status.py': addStatus,
});

/** The same, resolved by `makemigrations --merge`. */
export const djangoMerged = (): Files => ({
  ...djangoConflict(),
  'shop/migrations/0003_merge.py': merge,
});

/** 0001..0002 squashed into 0001_squashed_0002 with `replaces`; later migration depends on a replaced one. */
export const djangoSquashed = (): Files => ({
  ...djangoBase(),
  'shop/models.py': models([NOTE, STATUS]),
  'shop/migrations/0002_order_note.py': addNote,
  'shop/migrations/0001_squashed_0002_order_note.py': `from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [("shop", "0001_initial"), ("shop", "0002_order_note")]

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("total", models.IntegerField(default=0)),
                ("note", models.CharField(default="", max_length=100)),
            ],
        ),
    ]
`,
  'shop/migrations/0003_order_status.py': addStatus.replace('("shop", "0001_initial")', '("shop", "0002_order_note")'),
});

/** 0002 depends on a migration that was deleted. */
export const djangoMissingDependency = (): Files => ({
  ...djangoBase(),
  'shop/models.py': models([NOTE]),
  'shop/migrations/0002_order_note.py': addNote.replace('("shop", "0001_initial")', '("shop", "0001_initial_old")'),
});

// ---------------------------------------------------------------------------
// Alembic

const alembicIni = `[alembic]
script_location = alembic
sqlalchemy.url = sqlite://
`;
const alembicEnv = `from alembic import context


def run_migrations_offline():
    context.configure(url="sqlite://", target_metadata=None, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_offline()
`;
const alembicMako = `"""\${message}"""
revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}
`;

/** Line 9 is `revision`, line 10 `down_revision`, line 14 the first line of upgrade(). */
const revision = (id: string, down: string, body = '    pass', extra = ''): string => `"""${id}

Revision ID: ${id}
Revises: ${down}
"""
from alembic import op
import sqlalchemy as sa

revision = "${id}"
down_revision = ${down === 'None' || down.startsWith('(') ? down : `"${down}"`}
${extra}

def upgrade():
${body}


def downgrade():
    pass
`;

const alembicBase = (): Files => ({
  'alembic.ini': alembicIni,
  'alembic/env.py': alembicEnv,
  'alembic/script.py.mako': alembicMako,
  'alembic/versions/a1_create_users.py': revision('a1b2c3d4e5f6', 'None', '    op.create_table("users", sa.Column("id", sa.Integer, primary_key=True))'),
});

export const alembicTwoHeads = (): Files => ({
  ...alembicBase(),
  'alembic/versions/b2_add_email.py': revision('b2c3d4e5f6a7', 'a1b2c3d4e5f6', '    op.add_column("users", sa.Column("email", sa.String(200), nullable=True))'),
  'alembic/versions/c3_add_name.py': revision('c3d4e5f6a7b8', 'a1b2c3d4e5f6', '    op.add_column("users", sa.Column("name", sa.String(100), nullable=False))\n    op.create_index("ix_users_name", "users", ["name"])'),
});

export const alembicMerged = (): Files => ({
  ...alembicTwoHeads(),
  'alembic/versions/d4_merge.py': revision('d4e5f6a7b8c9', '("b2c3d4e5f6a7", "c3d4e5f6a7b8")'),
});

export const alembicBrokenDown = (): Files => ({
  ...alembicBase(),
  'alembic/versions/b2_add_email.py': revision('b2c3d4e5f6a7', 'ffffffffffff'),
});

// ---------------------------------------------------------------------------
// Versioned files

export const flywayDuplicate = (): Files => ({
  'db/migration/V1__init.sql': 'CREATE TABLE users (id bigint primary key, name text);\nCREATE INDEX users_name ON users (name);\n',
  'db/migration/V1.1__add_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
  'db/migration/V1_1__add_phone.sql': '-- phone numbers\nALTER TABLE users\n  ADD COLUMN phone text NOT NULL;\nCREATE INDEX users_phone ON users (phone);\n',
});

export const flywayClean = (): Files => ({
  'db/migration/V1__init.sql': 'CREATE TABLE users (id bigint primary key, name text);\nCREATE INDEX users_name ON users (name);\n',
  'db/migration/V2__add_email.sql': 'ALTER TABLE users ADD COLUMN email text;\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n',
});

const railsMigration = (cls: string, body: string): string => `class ${cls} < ActiveRecord::Migration[7.1]
  def change
${body}
  end
end
`;

export const railsDuplicate = (): Files => ({
  'db/migrate/20240101120000_create_users.rb': railsMigration('CreateUsers', '    create_table :users do |t|\n      t.string :name\n    end\n    add_index :users, :name'),
  'db/migrate/20240102090000_add_email_to_users.rb': railsMigration('AddEmailToUsers', '    add_column :users, :email, :string\n    add_index :users, :email'),
  'db/migrate/20240102090000_remove_name_from_users.rb': railsMigration('RemoveNameFromUsers', '    remove_column :users, :name, :string'),
});

export const railsClean = (): Files => ({
  'db/migrate/20240101120000_create_users.rb': railsMigration('CreateUsers', '    create_table :users do |t|\n      t.string :name\n    end\n    add_index :users, :name'),
  'db/migrate/20240102090000_add_email_to_users.rb': `class AddEmailToUsers < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_column :users, :email, :string
    add_index :users, :email, algorithm: :concurrently
  end
end
`,
});

// ---------------------------------------------------------------------------
// Django settings split across modules

const settingsBase = (hardened: boolean): string => `import os

SECRET_KEY = ${hardened ? 'os.environ["DJANGO_SECRET_KEY"]' : 'os.environ.get("DJANGO_SECRET_KEY", "django-insecure-abc123")'}
DEBUG = ${hardened ? 'False' : 'True'}
ALLOWED_HOSTS = []
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
${hardened ? 'MIDDLEWARE += [\n    "django.middleware.csrf.CsrfViewMiddleware",\n    "django.middleware.clickjacking.XFrameOptionsMiddleware",\n]' : 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True'}
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
ROOT_URLCONF = "mysite.urls"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
`;

const settingsProdFlawed = `from .base import *  # noqa: F401,F403

DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "*").split(",")
SESSION_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 0
`;

const settingsProdHardened = `from .base import *  # noqa: F401,F403

DEBUG = os.environ.get("DJANGO_DEBUG", "false").lower() in ("1", "true", "yes")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "example.com").split(",")

if not DEBUG:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
`;

const djangoSplit = (hardened: boolean): Files => ({
  'manage.py': manage('mysite.settings.dev'),
  'mysite/__init__.py': '',
  'mysite/urls.py': 'urlpatterns = []\n',
  'mysite/wsgi.py': 'import os\n\nfrom django.core.wsgi import get_wsgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings.prod")\napplication = get_wsgi_application()\n',
  'mysite/settings/__init__.py': '',
  'mysite/settings/base.py': settingsBase(hardened),
  'mysite/settings/dev.py': 'from .base import *  # noqa\n\nDEBUG = True\nALLOWED_HOSTS = ["*"]\n',
  'mysite/settings/prod.py': hardened ? settingsProdHardened : settingsProdFlawed,
});

export const djangoSettingsFlawed = (): Files => djangoSplit(false);
export const djangoSettingsHardened = (): Files => djangoSplit(true);

// ---------------------------------------------------------------------------
// Node and Python web apps

const expressPackage = (deps: Record<string, string>): string =>
  `${JSON.stringify({ name: 'api', version: '1.0.0', main: 'src/server.js', scripts: { start: 'node src/server.js', test: 'jest' }, dependencies: { express: '^4.19.2', cors: '^2.8.5', ...deps } }, null, 2)}\n`;

/** No helmet, X-Powered-By on, cors reflecting any origin with credentials, no rate limiter. */
export const expressFlawed = (): Files => ({
  'package.json': expressPackage({}),
  'src/server.js': `const express = require('express');
const cors = require('cors');
// const helmet = require('helmet'); app.use(helmet())  <- commented out, does not count

const app = express();
const corsOptions = { origin: true, credentials: true };
app.use(cors(corsOptions));
app.get('/', (req, res) => res.json({ ok: true }));
app.listen(process.env.PORT || 3000);
`,
});

export const expressHardened = (): Files => ({
  'package.json': expressPackage({ helmet: '^7.1.0', 'express-rate-limit': '^7.2.0' }),
  'src/server.js': `import express from 'express';
import helmet from 'helmet';
import cors from 'cors';
import rateLimit from 'express-rate-limit';

const app = express();
app.use(helmet());
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
app.use(rateLimit({ windowMs: 60_000, limit: 100 }));
app.listen(3000);
`,
});

export const flaskDebug = (): Files => ({
  'requirements.txt': 'flask==3.0.3\n',
  'app.py': `import os

from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "ok"


if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=os.environ.get("FLASK_DEBUG", "1") == "1")
`,
});

export const fastapiCors = (): Files => ({
  'requirements.txt': 'fastapi==0.111.0\n',
  'main.py': `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="api")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
)
`,
});
