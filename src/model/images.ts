// What an image tag promises, shared by the compose, Dockerfile and
// Kubernetes pinning checks: one list of tags that move.

// Tags publishers re-point at every release: channels (`latest`, `stable`,
// `lts`, `edge`, `nightly`), variants (`alpine`, `slim`) and distribution
// codenames (`bookworm`), which on official images follow the newest version.
// Combined with a version (`16-alpine`, `3.12-slim-bookworm`, `alpine3.20`)
// they are pinned to that version line.
const FLOATING_WORDS = new Set([
  'latest', 'stable', 'lts', 'edge', 'nightly', 'mainline', 'current', 'rolling', 'release', 'canary', 'beta', 'rc', 'dev', 'develop', 'unstable', 'testing',
  'main', 'master', 'alpine', 'slim', 'bookworm', 'bullseye', 'buster', 'trixie', 'jammy', 'focal', 'noble', 'jessie', 'stretch', 'windowsservercore', 'nanoserver',
  'iron', 'jod', 'hydrogen', 'gallium', // Node.js LTS codenames
  'sid', 'bionic', 'head', 'trunk', 'next', 'preview',
  // Variant words that only qualify another word (`stable-perl`, `bookworm-full`).
  'full', 'minimal', 'bare', 'debian', 'ubuntu', 'perl', 'otel',
]);

/**
 * A tag that names no version: every part (split on `-`, `_`, `.`) is a
 * floating word (`latest`, `lts-alpine`, `stable-slim`, `bookworm`). `16`,
 * `16-alpine`, `alpine3.20`, `2024.1` are not. With the image it tags, see
 * `isFloatingReference`.
 */
export function isFloatingTag(tag: string): boolean {
  const parts = tag.toLowerCase().split(/[-_.]/).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => FLOATING_WORDS.has(p));
}

/**
 * A reference whose tag names no version: a floating word, or a tag with no
 * digit on an image whose name has none either (`app:standalone`,
 * `rabbitmq:management`, `app:prod-build`: names a publisher re-points, like
 * `latest`). A version in the image's name pins the line the tag varies
 * (`distroless/static-debian12:nonroot`).
 */
export function isFloatingReference(image: string, tag: string): boolean {
  if (isFloatingTag(tag)) return true;
  const name = imageName(image);
  return !/\d/.test(tag) && !/\d/.test(name.slice(name.lastIndexOf('/') + 1));
}

/** `repo[:tag][@digest]` split the way Docker reads a reference (the last `:` after the last `/` starts the tag). */
function splitReference(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const colon = rest.lastIndexOf(':');
  return colon > rest.lastIndexOf('/') ? { tag: rest.slice(colon + 1), digest } : { digest };
}

// A distribution's own image tagged with one of its release codenames is that release (`debian:trixie-slim` is
// Debian 13, `ubuntu:focal` is 20.04); on another image the codename only names the base it is built on, and the
// image's own version floats (`node:bookworm`). `sid` is Debian's rolling unstable branch.
const RELEASE_CODENAMES: Record<string, ReadonlySet<string>> = {
  debian: new Set(['buster', 'bullseye', 'bookworm', 'trixie', 'forky', 'jessie', 'stretch']),
  ubuntu: new Set(['bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky']),
};

function isDistributionRelease(image: string, tag: string): boolean {
  const repository = image.split('@')[0]!.replace(/:[^/:]*$/, '').replace(/^(docker\.io\/)?(library\/)?/, '').toLowerCase();
  const codenames = RELEASE_CODENAMES[repository];
  if (!codenames) return false;
  const parts = tag.toLowerCase().split(/[-_.]/).filter((p) => p !== '');
  return parts.some((p) => codenames.has(p)) && parts.every((p) => codenames.has(p) || p === 'slim' || /^\d{8}$/.test(p));
}

/** `registry/org/app:latest@sha256:…` → `registry/org/app`: the image without its tag or digest (a pin fix names it). */
export function imageName(image: string): string {
  const rest = image.trim().split('@')[0]!;
  const colon = rest.lastIndexOf(':');
  return colon > rest.lastIndexOf('/') ? rest.slice(0, colon) : rest;
}

export type UnpinnedReason = 'no tag' | 'latest' | 'floating';

/** How a finding says why a reference is not pinned: "uses the `latest` tag", "has no tag (means `latest`)"... */
export function describeUnpinned(reason: UnpinnedReason): string {
  return reason === 'latest' ? 'uses the `latest` tag' : reason === 'floating' ? 'uses a floating tag (no version)' : 'has no tag (means `latest`)';
}

/** Why an image reference runs whatever was last pushed, or undefined when a digest or a versioned tag pins it. */
export function imageUnpinnedReason(image: string): UnpinnedReason | undefined {
  const { tag, digest } = splitReference(image.trim());
  if (digest) return undefined;
  if (tag === undefined || tag === '') return 'no tag';
  if (tag.toLowerCase() === 'latest') return 'latest';
  return isFloatingReference(image.trim(), tag) && !isDistributionRelease(image.trim(), tag) ? 'floating' : undefined;
}
