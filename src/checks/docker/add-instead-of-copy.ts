import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { checkDockerfiles } from './common.js';

/** Local tar archives, which ADD extracts (the one reason to prefer it); ADD does not extract zip. */
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tar\.lz|tlz|tar\.Z)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

export const dockerAddInsteadOfCopy: RepoCheck = {
  id: 'docker.add-instead-of-copy',
  title: 'COPY rather than ADD for local files',
  category: 'quality',
  severity: 'P2',
  kind: 'repo',
  docs: {
    summary: 'Fails for each `ADD` of a local source that is not a tar archive (hadolint DL3020). URLs and git sources are not judged here.',
    why: '`ADD` has implicit behaviours (extracting archives, fetching URLs) that surprise reviewers: a file renamed to `.tar.gz` suddenly gets unpacked. `COPY` does only what it says.',
    fix: 'Replace `ADD` with `COPY` for local files and directories; keep `ADD` only to extract a local tar archive.',
  },
  run(ctx) {
    return checkDockerfiles(ctx, {
      looked: 'ADD instructions',
      visit(file, path): FindingInput[] {
        const out: FindingInput[] = [];
        for (const ins of file.stages.flatMap((s) => s.instructions)) {
          if (ins.keyword !== 'ADD') continue;
          const local = ins.args.slice(0, -1).filter((s) => !REMOTE.test(s) && !ARCHIVE.test(s) && !s.startsWith('<<'));
          if (local.length) out.push({ status: 'fail', message: `ADD ${local.join(' ')} copies local files: use COPY.`, location: { path, line: ins.line } });
        }
        return out;
      },
    });
  },
};
