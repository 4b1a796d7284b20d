// `npm run corpus -- <folder>`: audits every repository snapshot in <folder>
// (one directory per repository, named `owner+name`, as the search tool's
// fetch names them) with the bundled CLI, repository checks only, and
// compares each failing P0/P1 with the verdicts in corpus/labels.json:
// true positive, false positive, or not yet labelled. Also lists labelled
// true positives that no longer fire (a lost detection). Not part of
// `npm test`: the snapshots are large and live outside the repository.
//
//   node scripts/corpus.mjs <folder> [--cli dist/cli.js] [--only owner/name,...] [--json out.json] [--show unlabelled|false|all]
//   node scripts/corpus.mjs <folder> --label   (prints unlabelled findings as label stubs to paste into labels.json)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const VALUED = new Set(['--cli', '--only', '--json', '--show']);
const folder = args.find((a, i) => !a.startsWith('--') && !(i > 0 && VALUED.has(args[i - 1])));
if (!folder || !existsSync(folder)) {
  console.error('usage: npm run corpus -- <folder of repository snapshots> [--cli dist/cli.js] [--only owner/name,...] [--show unlabelled|false|all] [--label]');
  process.exit(2);
}
const cli = resolve(option('cli', 'dist/cli.js'));
const only = option('only', '')?.split(',').filter(Boolean) ?? [];
const show = option('show', 'unlabelled');
const stubs = args.includes('--label');
const labelsPath = resolve('corpus/labels.json');
const labels = existsSync(labelsPath) ? JSON.parse(readFileSync(labelsPath, 'utf8')) : { repositories: {} };

const work = mkdtempSync(join(tmpdir(), 'rg-corpus-'));
const rows = [];
const perRepo = [];
try {
  for (const dir of readdirSync(folder).sort()) {
    const repoName = dir.replace('+', '/');
    if (only.length && !only.includes(repoName)) continue;
    const root = join(folder, dir);
    const commit = spawnSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
    const entry = labels.repositories[repoName] ?? { commit, labels: [] };
    if (entry.commit && commit && entry.commit !== commit) console.warn(`${repoName}: snapshot at ${commit.slice(0, 12)}, labels made at ${entry.commit.slice(0, 12)}`);
    const out = join(work, `${dir}.json`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, 'audit', '--repo', root, '--format', 'json', '--output', out, '--fail-on', 'never'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    if (!existsSync(out)) {
      console.error(`${repoName}: the audit did not run (exit ${run.status}): ${(run.stderr || '').split('\n')[0]}`);
      continue;
    }
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const failing = report.findings.filter((f) => f.status === 'fail' && !f.waived && (f.severity === 'P0' || f.severity === 'P1'));
    const tally = { P0: { true: 0, false: 0, unlabelled: 0 }, P1: { true: 0, false: 0, unlabelled: 0 } };
    for (const f of failing) {
      const label = findLabel(entry.labels, f);
      const verdict = label === undefined ? 'unlabelled' : isTrue(label, f) ? 'true' : 'false';
      tally[f.severity][verdict]++;
      rows.push({ repo: repoName, finding: f, verdict, label });
    }
    // Lost: a problem the rubric puts at P0/P1 that is no longer reported at that severity (a more specific
    // check reporting the same value, one finding per cause, counts as reported).
    const reportedAt = (l) =>
      failing.some((f) => (f.check === l.check || f.checkId === l.check || f.message.includes(`also reported by ${l.check}`)) && (f.location?.path ?? f.file ?? null) === l.path && (l.line === undefined || f.location?.line === l.line || f.message.includes(`also reported by ${l.check}`)) && f.severity === rubricSeverity(l));
    const lost = entry.labels.filter((l) => l.pathGlob === undefined && (rubricSeverity(l) === 'P0' || rubricSeverity(l) === 'P1') && wasTrueWhenLabelled(l) && !reportedAt(l));
    // Missed: a problem a reviewer found that no failing finding reports at its file and line (or anywhere in the
    // file, when the reviewer gave no line) at the severity the reviewer gave it.
    const stillMissed = (entry.missed ?? []).filter(
      (m) => !failing.some((f) => (f.location?.path ?? f.file ?? null) === m.path && (m.line === undefined || f.location?.line === m.line) && f.severity === m.severity),
    );
    perRepo.push({ repo: repoName, split: entry.split ?? 'train', commit, decision: report.decision, files: report.repository?.files, seconds, tally, lost, missed: stillMissed.length, setAside: report.repository?.setAside ?? {} });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const rate = (t) => {
  const judged = t.true + t.false + t.unlabelled;
  return judged === 0 ? '—' : `${Math.round((100 * t.true) / judged)}%`;
};
const cell = (t) => `${t.true}/${t.true + t.false + t.unlabelled}${t.unlabelled ? ` (${t.unlabelled}?)` : ''}`;
console.log(`\nfailing P0/P1 per repository: true positives (reported at the rubric severity of their label) / all (unlabelled?), rate; "?" counts as not true\n`);
// The held-out split is frozen: measured here, never tuned on. Its figure is the one that says whether verdicts generalise.
for (const split of ['train', 'heldout']) {
  const rowsOf = perRepo.filter((r) => r.split === split);
  if (!rowsOf.length) continue;
  console.log(`${split === 'heldout' ? 'HELD OUT (frozen, never tuned on)' : 'TRAIN'}: ${rowsOf.length} repositories`);
  console.log(pad('repository', 40), pad('decision', 8), pad('P0 true/all', 14), pad('P0 rate', 8), pad('P1 true/all', 14), pad('P1 rate', 8), pad('lost', 6), pad('missed', 7), 'time');
  const total = { P0: { true: 0, false: 0, unlabelled: 0 }, P1: { true: 0, false: 0, unlabelled: 0 } };
  let lost = 0;
  let missed = 0;
  for (const r of rowsOf) {
    for (const s of ['P0', 'P1']) for (const k of ['true', 'false', 'unlabelled']) total[s][k] += r.tally[s][k];
    lost += r.lost.length;
    missed += r.missed;
    console.log(pad(r.repo, 40), pad(r.decision, 8), pad(cell(r.tally.P0), 14), pad(rate(r.tally.P0), 8), pad(cell(r.tally.P1), 14), pad(rate(r.tally.P1), 8), pad(String(r.lost.length), 6), pad(String(r.missed), 7), `${r.seconds.toFixed(1)} s`);
  }
  console.log(pad(`all ${split}`, 40), pad('', 8), pad(cell(total.P0), 14), pad(rate(total.P0), 8), pad(cell(total.P1), 14), pad(rate(total.P1), 8), pad(String(lost), 6), pad(String(missed), 7));
  console.log('');
}

// What the role rules set aside (failing findings in files no deployment check judges), by rule; and what the
// checks' named filters and the repositories' own scanner configurations set aside: a rule that hides is judged too.
const FILTER = /^(secrets-filter|gitleaks|gitleaksignore|detect-secrets):/;
const asideByRule = new Map();
const asideByFilter = new Map();
for (const r of perRepo) {
  for (const [rule, n] of Object.entries(r.setAside)) {
    const into = FILTER.test(rule) ? asideByFilter : asideByRule;
    into.set(rule, (into.get(rule) ?? 0) + n);
    if (FILTER.test(rule) && !rule.startsWith('secrets-filter:')) console.log(`  ${r.repo}: its ${rule} set aside ${n}`);
  }
}
for (const [title, map] of [
  ['set aside by role rule (all repositories):', asideByRule],
  ['set aside by named filter and repository scanner configuration (values, all repositories):', asideByFilter],
]) {
  if (!map.size) continue;
  console.log(title);
  for (const [rule, n] of [...map].sort((a, b) => b[1] - a[1])) console.log(`  ${pad(rule, 40)} ${n}`);
}

const byCheck = new Map();
for (const { finding, verdict } of rows) {
  const key = `${finding.severity} ${finding.checkId}`;
  const t = byCheck.get(key) ?? { true: 0, false: 0, unlabelled: 0 };
  t[verdict]++;
  byCheck.set(key, t);
}
console.log('\nper check (all repositories): true / false / unlabelled');
for (const [key, t] of [...byCheck].sort()) console.log(`  ${pad(key, 40)} ${t.true} / ${t.false} / ${t.unlabelled}`);

for (const r of perRepo) for (const l of r.lost) console.log(`LOST ${r.repo} ${l.check} ${l.path}${l.line ? `:${l.line}` : ''}: ${l.reason}`);
const listed = rows.filter((r) => show === 'all' || r.verdict === show || (show === 'false' && r.verdict === 'false'));
if (listed.length && !stubs) {
  console.log(`\n${show} findings:`);
  for (const { repo, finding, verdict, label } of listed) {
    console.log(`  [${verdict}] ${repo} ${finding.severity} ${finding.checkId} ${where(finding)}: ${finding.message.slice(0, 160)}${label ? `\n      label: ${label.reason}` : ''}`);
  }
}
if (stubs) {
  const unlabelled = rows.filter((r) => r.verdict === 'unlabelled');
  const grouped = {};
  for (const { repo, finding } of unlabelled) {
    (grouped[repo] ??= []).push({ check: finding.checkId, path: finding.location?.path ?? finding.file ?? null, line: finding.location?.line, verdict: null, reason: finding.message.slice(0, 120) });
  }
  console.log(JSON.stringify(grouped, null, 2));
}
const jsonOut = option('json', undefined);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ perRepo, rows: rows.map((r) => ({ repo: r.repo, check: r.finding.checkId, severity: r.finding.severity, where: where(r.finding), verdict: r.verdict, role: r.finding.role?.role, rule: r.finding.role?.rule })) }, null, 2));

/** The rubric severity of a label: `severity` (null: not a problem); older labels only say whether the finding was true as reported. */
function rubricSeverity(label) {
  if ('severity' in label) return label.severity;
  return label.verdict ? (label.reported ?? 'P1') : null;
}

/** True when the finding is reported at the severity its label gives by the rubric. */
function isTrue(label, finding) {
  if ('severity' in label) return label.severity === finding.severity;
  return label.verdict === true;
}

/** The label was a true positive (at its reported severity) when it was written: only those can be lost. */
function wasTrueWhenLabelled(label) {
  return 'severity' in label ? label.severity === label.reported : label.verdict === true;
}

/**
 * A label names a check and a path (null for findings without a file), and
 * optionally a line; the line is left out when a label stands for every
 * finding of that check in that file.
 */
function findLabel(list, f) {
  const path = f.location?.path ?? f.file ?? null;
  return (
    list.find((l) => l.check === f.checkId && l.path === path && l.line !== undefined && l.line === f.location?.line) ??
    list.find((l) => l.check === f.checkId && l.path === path && l.line === undefined) ??
    // A finding about a whole file (no line) matches the label of that file, whatever line it was labelled at.
    (f.location?.line !== undefined ? undefined : list.find((l) => l.check === f.checkId && l.path === path)) ??
    // A group label (`pathGlob`, fnmatch: `*` matches any characters, slashes included) for a large homogeneous
    // group its reviewer sampled (at least 10 files opened, all with the same verdict for the same reason).
    list.find((l) => l.check === f.checkId && l.pathGlob !== undefined && path !== null && globRegExp(l.pathGlob).test(path))
  );
}

const globs = new Map();
function globRegExp(glob) {
  if (!globs.has(glob)) globs.set(glob, new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`));
  return globs.get(glob);
}

function where(f) {
  // A whole-file finding has location.path and no line (older reports: `file`).
  return f.location?.line !== undefined ? `${f.location.path}:${f.location.line}` : (f.location?.path ?? f.file ?? f.url ?? '(repository)');
}

function pad(text, width) {
  return String(text).padEnd(width);
}
