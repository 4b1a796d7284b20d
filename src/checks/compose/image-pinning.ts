import type { RepoCheck } from '../../engine/types.js';
import { imageOf } from '../../parse/compose.js';
import { unpinnedReason } from '../../parse/dockerfile.js';
import { checkComposeServices, serviceLabel } from './common.js';

export const composeImagePinning: RepoCheck = {
  id: 'compose.image-pinning',
  title: 'Compose images are pinned',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each compose service whose `image:` has no tag or the `latest` tag. Digests pass; a tag given by a variable (`app:${TAG}`) passes; services that `build:` their image are not judged (the image name is the tag of the build).',
    why: '`latest` and untagged images change under you: two hosts or two deploys run different software, and a rollback cannot go back to what ran before.',
    fix: 'Pin a version tag (`postgres:16.4-alpine`) or, better for reproducibility, a digest (`postgres:16.4-alpine@sha256:…`), and upgrade deliberately (Renovate/Dependabot).',
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'image tags',
      applies: (service) => imageOf(service) !== undefined && service.config.build === undefined,
      visit(service) {
        const image = imageOf(service)!;
        // `${IMAGE}` alone cannot be judged; `app:${TAG}` is pinned by whoever sets TAG.
        if (image.includes('$')) return [];
        const reason = unpinnedReason(image);
        if (!reason) return [];
        const what = reason === 'latest' ? 'uses the `latest` tag' : 'has no tag (means `latest`)';
        return [{ status: 'fail', message: `Image ${image} of ${serviceLabel(service)} ${what}.`, location: service.locate(['image']) }];
      },
    });
  },
};
