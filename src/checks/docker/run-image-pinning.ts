import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { describeUnpinned, imageName, imageUnpinnedReason } from '../../model/images.js';
import { publishedRepositories } from '../../model/builds.js';
import { imageRepository } from '../../parse/image-facts.js';

// CI workflows start containers to build and test; what they run is no one's deployment.
const CI_FILE = /^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)\.circleci\//;

export const dockerRunImagePinning: RepoCheck = {
  id: 'docker.run-image-pinning',
  title: 'Images the install docs run are pinned',
  category: 'deployment',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each `docker run` (or `podman run`) that a production-context step runs (a README or docs section headed Install, Deploy, Quick start, Self-host...; a deploy script; not a CI workflow) with one of the repository\'s own images (those its publishing builds push) and no tag, the `latest` tag or another floating tag. The command is the deployment the project gives its users, as a compose file would be (model/invocations.ts). Third-party images a guide starts beside it are not judged.',
    why: 'Whoever follows the install steps runs whatever the floating tag points at that day: two installs of the same instructions run different software, and an upgrade arrives unannounced on the next restart.',
    fix: 'Write the version in the documented command (`docker run … org/app:2.4.1`), and keep it current with the release process.',
    severityNote: 'P1 (SEVERITY.md: floating image tags in production deployment files); commands under a development, test or example heading are not judged.',
  },
  run(ctx) {
    // The project's own images: those its publishing builds push. A third-party image a guide starts beside it (a
    // collector, a tracing backend) is the reader's choice of version, not the project's.
    const own = publishedRepositories(ctx.model.builds);
    if (!own.size) return [{ status: 'skip', message: 'No publishing build of the repository names the image it pushes: which `docker run` commands start its own image cannot be told.' }];
    const component = componentReadmes(ctx.files.files);
    const runs = ctx.model.invocations.filter((i) => i.kind === 'docker-run' && i.image !== undefined && !CI_FILE.test(i.source) && !component(i.source) && own.has(imageRepository(i.image)));
    const findings: FindingInput[] = [];
    const seen = new Set<string>();
    for (const run of runs) {
      if (run.context !== 'production') continue;
      const reason = imageUnpinnedReason(run.image!);
      const key = `${run.source}:${run.line}`;
      if (!reason || seen.has(key)) continue;
      seen.add(key);
      findings.push({
        status: 'fail',
        message: `\`docker run\` at ${run.source}:${run.line} (${run.contextWhy}) starts ${run.image}, which ${describeUnpinned(reason)}.`,
        remediation: `Write the version in the command: \`${imageName(run.image!)}:<version>\`.`,
        location: { path: run.source, line: run.line },
        role: { role: 'production', reason: `run by ${run.source}:${run.line} (${run.contextWhy})`, rule: 'evidence:docker-run' },
      });
    }
    if (findings.length) return findings;
    const production = runs.filter((r) => r.context === 'production').length;
    return [{ status: production ? 'pass' : 'skip', message: production ? `The ${production} \`docker run\` command(s) of production steps that start the repository's own images (${[...own.keys()].slice(0, 3).join(', ')}) start pinned ones.` : `No production step runs the repository's own images (${[...own.keys()].slice(0, 3).join(', ')}) with \`docker run\` (README, docs, deploy scripts).` }];
  },
};

const CODE = /\.(go|py|rs|[cm]?[jt]sx?|java|kt|rb|php|ex|exs|cs)$/;

/**
 * Whether a README sits beside a component's source code (`management/README.md` among its `.go` files): how a
 * developer of that component runs it, not the install path the project gives its users (netbird, round 17). The
 * folders holding code are listed once.
 */
function componentReadmes(files: ReadonlyArray<{ path: string }>): (source: string) => boolean {
  let codeDirs: Set<string> | undefined;
  return (source) => {
    const slash = source.lastIndexOf('/');
    if (slash < 0 || !/(^|\/)README[^/]*$/i.test(source)) return false;
    codeDirs ??= new Set(files.filter((f) => CODE.test(f.path)).map((f) => f.path.slice(0, f.path.lastIndexOf('/') + 1)));
    return codeDirs.has(source.slice(0, slash + 1));
  };
}
