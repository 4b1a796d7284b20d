import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { imageUnpinnedReason } from '../../model/images.js';
import { checkDockerfiles } from './common.js';

export const dockerBaseImagePinned: RepoCheck = {
  id: 'docker.base-image-pinned',
  title: 'Base images are pinned',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each `FROM` (every stage, like hadolint DL3006/DL3007) whose image has no tag, the `latest` tag or another floating tag (`lts`, `alpine`, `slim`, `stable`, `bookworm`... without a version; `node:22-alpine` is pinned to a version line); digests pass, `scratch` and references to earlier stages are not images, `${ARG}` images are resolved from global ARG defaults and skipped when they do not resolve.',
    why: 'An unpinned base image changes between builds: the same commit builds a different image, a rebuild silently picks up a new major version, and a rollback does not restore what ran.',
    fix: 'Pin a version tag (`python:3.12-slim`), or a digest for fully reproducible builds (`python:3.12-slim@sha256:…`) kept fresh by Renovate/Dependabot.',
    severityNote: 'A file that cannot be read as a Dockerfile (no FROM, an instruction other than ARG before the first FROM) is reported here, once, as an `error`; the other Dockerfile checks skip it.',
  },
  run(ctx) {
    return checkDockerfiles(ctx, {
      looked: 'FROM images',
      reportsParseErrors: true,
      visit(file, path): FindingInput[] {
        const out: FindingInput[] = [];
        for (const stage of file.stages) {
          if (stage.parentStage !== undefined || stage.resolvedImage.toLowerCase() === 'scratch') continue;
          if (stage.resolvedImage.includes('$')) continue;
          const reason = imageUnpinnedReason(stage.resolvedImage);
          if (!reason) continue;
          const shown = stage.image === stage.resolvedImage ? stage.image : `${stage.image} (= ${stage.resolvedImage})`;
          const what = reason === 'latest' ? 'uses the `latest` tag' : reason === 'floating' ? 'uses a floating tag (no version)' : 'has no tag (means `latest`)';
          out.push({ status: 'fail', message: `FROM ${shown} ${what}.`, location: { path, line: stage.from.line } });
        }
        return out;
      },
    });
  },
};
