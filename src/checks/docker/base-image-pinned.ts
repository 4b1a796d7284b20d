import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { stagesUsedByFinal } from '../../parse/dockerfile.js';
import { describeUnpinned, imageName, imageUnpinnedReason } from '../../model/images.js';
import { checkDockerfiles } from './common.js';

// The fix for the base image seen: its own name with a version and where its digest comes from.
const fixFor = (image: string) => {
  const name = imageName(image);
  return `Pin the base image: \`FROM ${name}:<version>\`, or with its digest \`FROM ${name}:<version>@sha256:…\` (\`docker buildx imagetools inspect ${name}:<version>\` prints it), kept fresh by Renovate or Dependabot.`;
};

export const dockerBaseImagePinned: RepoCheck = {
  id: 'docker.base-image-pinned',
  title: 'Base images are pinned',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each `FROM` (every stage, like hadolint DL3006/DL3007), and each `COPY --from=<image>` that names an image rather than a stage, whose image has no tag, the `latest` tag or another floating tag (`lts`, `alpine`, `slim`, `stable`, `bookworm`... without a version; `node:22-alpine` is pinned to a version line); digests pass, `scratch` and references to earlier stages are not images, `${ARG}` images are resolved from global ARG defaults and skipped when they do not resolve.',
    why: 'An unpinned base image changes between builds: the same commit builds a different image, a rebuild silently picks up a new major version, and a rollback does not restore what ran.',
    fix: 'Pin a version tag (`python:3.12-slim`), or a digest for fully reproducible builds (`python:3.12-slim@sha256:…`) kept fresh by Renovate/Dependabot.',
    severityNote: 'P2 for a stage the final image does not use (no FROM, `COPY --from` or `RUN --mount=from=` chain from the final stage reaches it): BuildKit skips it in a default build. A file that cannot be read as a Dockerfile (no FROM, an instruction other than ARG before the first FROM) is reported here, once, as an `error`; the other Dockerfile checks skip it.',
  },
  run(ctx) {
    return checkDockerfiles(ctx, {
      looked: 'FROM images',
      reportsParseErrors: true,
      visit(file, path): FindingInput[] {
        const out: FindingInput[] = [];
        const used = stagesUsedByFinal(file);
        for (const [index, stage] of file.stages.entries()) {
          if (stage.parentStage !== undefined || stage.resolvedImage.toLowerCase() === 'scratch') continue;
          if (stage.resolvedImage.includes('$')) continue;
          const reason = imageUnpinnedReason(stage.resolvedImage);
          if (!reason) continue;
          const shown = stage.image === stage.resolvedImage ? stage.image : `${stage.image} (= ${stage.resolvedImage})`;
          const what = describeUnpinned(reason);
          if (!used.has(index)) {
            out.push({ status: 'fail', severity: 'P2', message: `FROM ${shown} ${what}. P2: the final image does not use stage ${stage.name ?? index} (no FROM or COPY --from reaches it), so a default build skips it; pin it or remove it.`, remediation: fixFor(stage.resolvedImage), location: { path, line: stage.from.line } });
            continue;
          }
          out.push({ status: 'fail', message: `FROM ${shown} ${what}.`, remediation: fixFor(stage.resolvedImage), location: { path, line: stage.from.line } });
        }
        // `COPY --from=<image>` pulls files from an image that is no stage of the file (`COPY --from=tonistiigi/xx / /`,
        // manyfold round 12): that image is part of the build like a base, and floats the same way when unpinned.
        const stageNames = new Set(file.stages.map((s) => s.name).filter((n): n is string => n !== undefined));
        for (const [index, stage] of file.stages.entries()) {
          for (const ins of stage.instructions) {
            const from = ins.keyword === 'COPY' ? ins.flags.from : undefined;
            if (typeof from !== 'string' || /^\d+$/.test(from) || stageNames.has(from.toLowerCase()) || from.includes('$')) continue;
            const reason = imageUnpinnedReason(from);
            if (!reason) continue;
            const what = describeUnpinned(reason);
            const unused = !used.has(index);
            out.push({
              status: 'fail',
              ...(unused ? { severity: 'P2' as const } : {}),
              message: `COPY --from=${from} ${what}: the files it copies change whenever the image is republished.${unused ? ` P2: the final image does not use stage ${stage.name ?? index}.` : ''}`,
              remediation: `Pin the image COPY --from reads: \`COPY --from=${imageName(from)}:<version>\` (or with its digest).`,
              location: { path, line: ins.line },
            });
          }
        }
        return out;
      },
    });
  },
};
