import type { FindingInput, RepoCheck, RepoCheckContext } from '../../engine/types.js';
import { helmCharts, valuesImages } from '../../parse/helm.js';
import { splitImage, unpinnedReason } from '../../parse/dockerfile.js';
import { imageSources, type ImageRewrite } from '../../parse/k8s-images.js';
import { isTemplated } from '../../parse/kubernetes.js';
import { checkContainers, containerLabel, pointAt } from './common.js';
import { imageName, isFloatingReference } from '../../model/images.js';

// The fix where the reference is set, naming the image seen: the kustomization's `images:` entry, or the manifest.
const FIX = {
  kustomization: (image: string, path: string) => `In ${path}, give \`${imageName(image)}\` an immutable tag under \`images:\` (\`- name: ${imageName(image)}\` with \`newTag: <release or commit SHA>\`, or \`digest: sha256:…\`), set by CI at each release (\`kustomize edit set image ${imageName(image)}=${imageName(image)}:<tag>\`).`,
  manifest: (image: string) => `Deploy \`${imageName(image)}\` by an immutable tag or digest (\`image: ${imageName(image)}:<release or commit SHA>\`, or \`@sha256:…\`), written by CI at each release (kustomize \`images:\`, Helm values, skaffold).`,
};

export const k8sImagePinning: RepoCheck = {
  id: 'k8s.image-pinning',
  title: 'Container images are pinned',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each container whose deployed `image` has no tag, the `latest` tag or another floating tag (`alpine`, `lts`, `stable`, `edge`, `nightly`, `slim`, a Debian codename such as `bookworm`, without a version number); digests pass, templated images (`{{ }}`, `${VAR}`) are not judged. The deployed reference is judged: an image that skaffold builds (`build.artifacts`) is tagged by skaffold, and a kustomize `images:` entry that rewrites it is judged at its own line instead of the base manifest. A Helm chart that cannot be rendered here (helm not on PATH) is read statically: the images its values.yaml sets (`image.repository`/`image.tag`, the tag defaulting to the chart\'s appVersion, an optional `image.registry`, or `image: repo:tag`), judged at the values line.',
    why: 'With `latest` or a floating tag, nodes run whatever they pulled last: two replicas can run different code, and a rollout to the "same" manifest cannot be rolled back.',
    fix: 'Deploy an immutable tag (the commit SHA or release version) or a digest, set by your CI, skaffold or kustomize `images:` (`newTag: 1.4.2`).',
  },
  async run(ctx) {
    const sources = await imageSources(ctx);
    const deployed = (r: ImageRewrite): boolean => ctx.model.roles.isDeployed(r.kustomization);
    const rendered = await checkContainers(ctx, {
      looked: 'image tags',
      applies: (container) => typeof container.spec.image === 'string' && !isTemplated(container.spec.image) && !String(container.spec.image).includes('$'),
      visit(container, workload, file) {
        const image = String(container.spec.image);
        const rewrites = sources.rewritesOf(file.path, image).filter(deployed);
        if (rewrites.length) {
          // Judged where the deployed reference is set: the kustomization line.
          return rewrites.flatMap((r) => {
            const result = r.setsTag ? r.result : `${r.result}${splitImage(image).tag !== undefined ? `:${splitImage(image).tag}` : ''}`;
            const reason = pinningProblem(result);
            if (!reason) return [];
            return [{ status: 'fail' as const, message: `Image ${image} of ${containerLabel(container, workload)} (${file.path}) is deployed as ${result} by ${r.kustomization}:${r.line}, which ${reason}.`, remediation: FIX.kustomization(image, r.kustomization), location: { path: r.kustomization, line: r.line } }];
          });
        }
        const built = sources.built.get(splitImage(image).repository);
        // skaffold replaces the reference by the tag it built, whatever tag the manifest wrote.
        if (built) return [];
        const reason = pinningProblem(image);
        if (!reason) return [];
        return [{ status: 'fail', message: `Image ${image} of ${containerLabel(container, workload)} ${reason}.`, remediation: FIX.manifest(image), ...pointAt(container.locate(['image'])) }];
      },
    });
    return [...rendered, ...(await unrenderedChartImages(ctx))];
  },
};

/**
 * Charts helm could not render here (not on PATH): the images their values.yaml sets, read statically
 * (parse/helm.ts valuesImages), so a floating tag in a published chart is not skipped with the chart.
 */
async function unrenderedChartImages(ctx: RepoCheckContext): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  for (const verdict of await helmCharts(ctx, (p) => ctx.model.roles.isDeployed(p))) {
    if (verdict.status !== 'skipped') continue;
    for (const found of await valuesImages(verdict.chart, ctx.files)) {
      const reason = pinningProblem(found.image);
      if (!reason) continue;
      out.push({
        status: 'fail',
        message: `Image ${found.image} set by the values of Helm chart ${verdict.chart.dir}${found.fromAppVersion ? ' (its tag is the chart\'s appVersion)' : ''} ${reason}. (The chart was read without rendering: ${verdict.reason}.)`,
        location: { path: found.path, line: found.line },
        // Judged under the chart's role, like its rendered manifests (its values file is the chart's own).
        role: ctx.model.roles.of(verdict.chart.chartFile),
      });
    }
  }
  return out;
}

/** Why a deployed reference is not pinned, as a message fragment; undefined when it is. */
export function pinningProblem(image: string): string | undefined {
  const reason = unpinnedReason(image);
  if (reason === 'latest') return 'uses the `latest` tag';
  if (reason === 'no tag') return 'has no tag (means `latest`)';
  const { tag, digest } = splitImage(image);
  if (!digest && tag !== undefined && isFloatingReference(image, tag)) return `uses the floating tag \`${tag}\` (moves with every release, like \`latest\`)`;
  return undefined;
}
