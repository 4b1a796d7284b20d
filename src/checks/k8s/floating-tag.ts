// Tags that move: a registry re-points them at every release, like `latest`.
// Kept here for the Kubernetes checks until the compose work's
// `src/model/images.ts` (isFloatingTag) lands; the two are to be unified then.
//
// A tag is floating when it is made only of channel and distribution words
// (`alpine`, `lts`, `stable-slim`, `bookworm-slim`, `lts-alpine`) and carries
// no version number: `redis:7.2-alpine` or `node:20-bookworm` name a release
// line and pass; `redis:alpine` or `debian:bookworm-slim` do not.

const FLOATING_WORDS = new Set([
  'latest', 'alpine', 'lts', 'stable', 'edge', 'nightly', 'slim', 'mainline', 'current', 'rolling', 'canary', 'beta', 'unstable', 'testing',
  'dev', 'develop', 'main', 'master', 'trunk', 'head', 'next', 'preview', 'rc',
  // Debian and Ubuntu codenames: the codename follows point releases.
  'bookworm', 'bullseye', 'buster', 'trixie', 'sid', 'jammy', 'focal', 'noble', 'bionic',
  // Variant words that only qualify another word.
  'full', 'minimal', 'bare', 'debian', 'ubuntu', 'perl', 'otel',
]);

export function isFloatingTag(tag: string): boolean {
  const t = tag.trim().toLowerCase();
  if (t === '' || /\d/.test(t)) return false;
  return t.split(/[-_.]/).every((word) => FLOATING_WORDS.has(word));
}
