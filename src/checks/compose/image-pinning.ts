import type { RepoCheck } from '../../engine/types.js';
import { imageOf, interpolateInFile } from '../../parse/compose.js';
import { describeUnpinned, imageName, imageUnpinnedReason } from '../../model/images.js';
import { checkComposeServices, serviceLabel } from './common.js';

const UNSET = '\u0000';

/** The tag (or the whole reference, when no tag is written) comes from a variable the repository does not set. */
function isUnknownTag(image: string): boolean {
  const afterSlash = image.slice(image.lastIndexOf('/') + 1);
  const colon = afterSlash.lastIndexOf(':');
  if (colon < 0) return afterSlash.includes(UNSET) || image.startsWith(UNSET);
  return afterSlash.slice(colon + 1).includes(UNSET);
}

// The fix for the image seen: its own name with a version, and how to find the digest of what runs today.
const fixFor = (image: string, service: string) => {
  const name = imageName(image);
  return `Pin \`${name}\` in service \`${service}\` to the version you run: \`image: ${name}:<version>\`, or with its digest \`image: ${name}:<version>@sha256:…\` (\`docker image inspect ${image} --format '{{index .RepoDigests 0}}'\` prints the digest of the image you have), and let Renovate or Dependabot propose upgrades.`;
};

export const composeImagePinning: RepoCheck = {
  id: 'compose.image-pinning',
  title: 'Compose images are pinned',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each compose service whose `image:` has no tag, the `latest` tag or another floating tag (`alpine`, `lts`, `stable`, `edge`, `nightly`, `slim`, `bookworm` without a version), as it runs when only the committed `.env` sets variables: `app:${TAG:-latest}` is `latest`, `"$IMAGE"` with `IMAGE=relay:nightly` in the `.env` beside the compose file is `relay:nightly`. Digests pass; a tag given by a variable with no default (`app:${TAG}`, `app:${TAG:?}`) passes (whoever deploys sets it); services that `build:` their image are not judged (the image name is the tag of the build).',
    why: '`latest` and other floating tags change under you: two hosts or two deploys run different software, and a rollback cannot go back to what ran before.',
    fix: 'Pin a version tag (`postgres:16.4-alpine`) or, better for reproducibility, a digest (`postgres:16.4-alpine@sha256:…`), and upgrade deliberately (Renovate/Dependabot). For a variable tag, make it required (`${TAG:?set the release}`) or default it to a version.',
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'image tags',
      applies: (service) => imageOf(service) !== undefined && service.config.build === undefined,
      visit(service, file) {
        const written = imageOf(service)!;
        const options = { unset: (name: string) => `${UNSET}${name}${UNSET}` };
        const resolved = interpolateInFile(file, written, options);
        const image = resolved.value.trim();
        // A variable nobody sets in the repository is set by whoever deploys: a
        // tag (or a whole reference) given that way is not judged; an unknown
        // registry or name with a floating tag still is (`${REGISTRY}/app:${TAG:-latest}`).
        if (!image || isUnknownTag(image)) return [];
        const reason = imageUnpinnedReason(image);
        if (!reason) return [];
        const what = describeUnpinned(reason);
        const shown = image.split(UNSET).map((part, i) => (i % 2 === 1 ? `\${${part}}` : part)).join('');
        const runs = shown === written ? `Image ${image}` : `Image ${written} (${shown} when the variables are not set otherwise)`;
        return [{ status: 'fail', message: `${runs} of ${serviceLabel(service)} ${what}.`, remediation: fixFor(shown, service.name), location: service.locate(['image']) }];
      },
    });
  },
};
