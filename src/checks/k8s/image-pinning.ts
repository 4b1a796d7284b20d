import type { RepoCheck } from '../../engine/types.js';
import { unpinnedReason } from '../../parse/dockerfile.js';
import { isTemplated } from '../../parse/kubernetes.js';
import { checkContainers, containerLabel } from './common.js';

export const k8sImagePinning: RepoCheck = {
  id: 'k8s.image-pinning',
  title: 'Container images are pinned',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary: 'Fails for each container whose `image` has no tag or the `latest` tag (Polaris tagNotSpecified); digests pass, templated images (`{{ }}`, `${VAR}`) are not judged.',
    why: 'With `latest`, nodes run whatever they pulled last: two replicas can run different code, and a rollout to the "same" manifest cannot be rolled back.',
    fix: 'Deploy an immutable tag (the commit SHA or release version) or a digest, set by your CI or kustomize `images:`.',
  },
  run(ctx) {
    return checkContainers(ctx, {
      looked: 'image tags',
      applies: (container) => typeof container.spec.image === 'string' && !isTemplated(container.spec.image) && !String(container.spec.image).includes('$'),
      visit(container, workload, file) {
        const image = String(container.spec.image);
        const reason = unpinnedReason(image);
        if (!reason) return [];
        const what = reason === 'latest' ? 'uses the `latest` tag' : 'has no tag (means `latest`)';
        return [{ status: 'fail', message: `Image ${image} of ${containerLabel(container, workload)} ${what}.`, location: { path: file.path, line: container.lineOf(['image']) } }];
      },
    });
  },
};
