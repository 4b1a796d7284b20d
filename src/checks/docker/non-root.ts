import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { stageLineage, type Dockerfile } from '../../parse/dockerfile.js';
import { checkDockerfiles } from './common.js';

/** `root`, `0`, `root:root`, `0:0`, `root:staff`... */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim().toLowerCase();
  return name === 'root' || name === '0';
}

// Base images that already run as a non-root user (their documented default).
const NON_ROOT_BASES = [/^gcr\.io\/distroless\/.*:(nonroot|debug-nonroot)(-|$)/, /^cgr\.dev\/chainguard\/(?!.*-dev(:|$))/];

/** The user the final image runs as: the last USER of the final stage or of the stage it builds on. */
export function finalUser(file: Dockerfile): { user?: string; line?: number; base: string } {
  const lineage = stageLineage(file, file.stages.length - 1);
  for (const stage of lineage) {
    const user = [...stage.instructions].reverse().find((i) => i.keyword === 'USER');
    if (user) return { user: user.args[0] ?? '', line: user.line, base: lineage[lineage.length - 1]!.resolvedImage };
  }
  return { base: lineage[lineage.length - 1]!.resolvedImage };
}

export const dockerNonRoot: RepoCheck = {
  id: 'docker.non-root',
  title: 'Images run as a non-root user',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      "Fails when the final stage (following `FROM <earlier stage>`) has no `USER`, or its last `USER` is root/0 (hadolint DL3002 only catches the second case; Checkov CKV_DOCKER_3 the first). Base images documented to run as non-root (distroless `:nonroot`, Chainguard) pass without USER.",
    why: 'A process running as root in the container is root on the host as soon as it escapes (kernel or runtime bug, mounted socket), and can rewrite the application files it serves.',
    fix: 'Create an unprivileged user and switch to it at the end of the final stage, after installing packages and copying files (owned with `COPY --chown`).',
    snippets: [
      { stack: 'Debian/Ubuntu base', code: 'RUN useradd --system --uid 10001 --no-create-home app\nUSER 10001' },
      { stack: 'Node official image', code: 'USER node' },
    ],
  },
  run(ctx) {
    return checkDockerfiles(ctx, {
      looked: 'the user of the final stage',
      visit(file, path): FindingInput[] {
        const final = file.stages[file.stages.length - 1]!;
        const { user, line, base } = finalUser(file);
        if (user === undefined) {
          if (NON_ROOT_BASES.some((p) => p.test(base))) return [];
          return [{ status: 'fail', message: `The final stage (FROM ${final.image}) has no USER: the container runs as root.`, location: { path, line: final.from.line } }];
        }
        if (isRootUser(user)) return [{ status: 'fail', message: `The final stage switches to USER ${user}: the container runs as root.`, location: { path, line: line! } }];
        return [];
      },
    });
  },
};
