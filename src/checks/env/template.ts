import type { RepoCheck } from '../../engine/types.js';
import { envUsageScanner } from '../scanners.js';
import { loadTemplates, variablesRead } from './common.js';

export const envTemplate: RepoCheck = {
  id: 'env.template',
  title: 'An env template documents the configuration',
  category: 'deployment',
  severity: 'P2',
  kind: 'repo',
  scansEveryFile: [envUsageScanner],
  roles: 'own',
  docs: {
    summary:
      'Fails when the code (`process.env.X`, `os.environ["X"]`, `os.getenv`, django-environ, python-decouple, `ENV["X"]`, `System.getenv`, `os.Getenv`) or compose files (`${X}`) read environment variables but no template exists (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `.env.*.example`, `example.env`). Tests and platform variables (`NODE_ENV`, `PATH`, `GITHUB_*`...) are not counted.',
    why: 'Without a template, whoever deploys learns the required settings from crashes in production, one missing variable at a time.',
    fix: 'Commit a `.env.example` listing every variable with a placeholder or safe default and a comment; keep real values out of it.',
    snippets: [{ stack: '.env.example', code: '# PostgreSQL connection string\nDATABASE_URL=postgres://app:CHANGE_ME@localhost:5432/app\n# 50+ random characters: python -c "import secrets; print(secrets.token_urlsafe(50))"\nSECRET_KEY=' }],
  },
  async run(ctx) {
    const [reads, templates] = await Promise.all([variablesRead(ctx), loadTemplates(ctx)]);
    if (reads.length === 0) return [{ status: 'skip', message: 'No environment variable is read by the code or compose files.' }];
    if (templates.length) return [{ status: 'pass', message: `${reads.length} variable(s) read; template(s): ${templates.map((t) => t.path).join(', ')}.` }];
    const first = [...reads].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line))[0]!;
    const names = reads.slice(0, 8).map((r) => r.name).join(', ');
    return [
      {
        status: 'fail',
        message: `${reads.length} environment variable(s) are read (${names}${reads.length > 8 ? ', …' : ''}) but the repository has no env template (.env.example); first read: ${first.name} at ${first.path}:${first.line}.`,
        location: { path: first.path, line: first.line },
        // The fix names what was read, so the template can be written from it.
        remediation: `Commit a \`.env.example\` beside the code that lists the ${reads.length} variable(s) it reads (${names}${reads.length > 8 ? ', …' : ''}), each with a placeholder or safe default and a comment saying what it is for; keep real values out of it.`,
      },
    ];
  },
};
