import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { isPlainObject } from '../../parse/compose.js';
import type { Container, Workload } from '../../parse/kubernetes.js';
import { DANGEROUS_CAPABILITIES } from '../compose/privileged.js';
import { checkContainers, containerLabel, pointAt } from './common.js';
import type { RepoCheckContext } from '../../engine/types.js';
import { loadDockerfile } from '../docker/common.js';
import { dropsPrivilegesAtStart, finalUser, isNonRootBase, isRootUser } from '../docker/non-root.js';

/**
 * The non-root user the container's image runs as, when the repository builds
 * that image from a Dockerfile whose final stage sets one (or builds on an
 * image documented to run as non-root). Undefined when not known.
 */
async function imageUser(ctx: RepoCheckContext, image: unknown): Promise<string | undefined> {
  if (typeof image !== 'string') return undefined;
  if (isNonRootBase(image)) return `the image ${image} runs as a non-root user`;
  if (dropsPrivilegesAtStart(image)) return `the image ${image} drops to its service user at start`;
  const dockerfiles = ctx.model.builds.dockerfilesForImage(image);
  if (!dockerfiles.length) return undefined;
  for (const path of dockerfiles) {
    const file = await loadDockerfile(ctx, path);
    if (file === undefined) return undefined;
    const user = finalUser(file);
    if (!(user.user && !isRootUser(user.user)) && !isNonRootBase(user.base) && !dropsPrivilegesAtStart(user.base)) return undefined;
  }
  return `its image is built by ${dockerfiles.join(', ')}, which runs as a non-root user`;
}

export interface SecurityProblem {
  message: string;
  /** Root, privilege and host access are P1 (SEVERITY.md: a production image running as root); escalation left allowed is hardening, P2. */
  severity: 'P1' | 'P2';
  /** Where to point: a key in the container, or the container. */
  keyPath: string[];
}

/** The problems of a container's effective security context (container settings override the pod's). */
export function securityProblems(container: Container, workload: Workload): SecurityProblem[] {
  const pod = isPlainObject(workload.podSpec.securityContext) ? workload.podSpec.securityContext : {};
  const own = isPlainObject(container.spec.securityContext) ? container.spec.securityContext : {};
  const pick = (key: string): unknown => (own[key] !== undefined ? own[key] : pod[key]);
  const out: SecurityProblem[] = [];
  const runAsUser = pick('runAsUser');
  if (runAsUser === 0 || runAsUser === '0') {
    out.push({ message: 'runs as root (runAsUser: 0)', severity: 'P1', keyPath: own.runAsUser !== undefined ? ['securityContext', 'runAsUser'] : ['securityContext'] });
  } else if (pick('runAsNonRoot') !== true && !(typeof runAsUser === 'number' && runAsUser > 0)) {
    out.push({ message: 'may run as root (runAsNonRoot is not true and no non-zero runAsUser)', severity: 'P1', keyPath: ['securityContext'] });
  }
  if (own.privileged === true) out.push({ message: 'is privileged', severity: 'P1', keyPath: ['securityContext', 'privileged'] });
  const capabilities = isPlainObject(own.capabilities) && Array.isArray(own.capabilities.add) ? own.capabilities.add.map((c) => String(c).toUpperCase().replace(/^CAP_/, '')) : [];
  const dangerous = capabilities.filter((c) => DANGEROUS_CAPABILITIES.has(c));
  if (dangerous.length) out.push({ message: `adds capabilities ${dangerous.join(', ')}`, severity: 'P1', keyPath: ['securityContext', 'capabilities'] });
  if (own.allowPrivilegeEscalation !== false) {
    out.push({ message: 'allows privilege escalation (allowPrivilegeEscalation is not false)', severity: 'P2', keyPath: own.allowPrivilegeEscalation !== undefined ? ['securityContext', 'allowPrivilegeEscalation'] : ['securityContext'] });
  }
  return out;
}

/** Host namespaces shared by the pod (Polaris hostNetworkSet/hostPIDSet/hostIPCSet). */
export function hostNamespaces(workload: Workload): string[] {
  return ['hostNetwork', 'hostPID', 'hostIPC'].filter((key) => workload.podSpec[key] === true);
}

export const k8sSecurityContext: RepoCheck = {
  id: 'k8s.security-context',
  title: 'Containers run without root or extra privileges',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each container (init containers included) that may run as root (`runAsNonRoot` not true and no non-zero `runAsUser`, at container or pod level), is `privileged`, does not set `allowPrivilegeEscalation: false`, or adds a dangerous capability (ALL, SYS_ADMIN, NET_ADMIN, ...), and for each pod sharing a host namespace (`hostNetwork`, `hostPID`, `hostIPC`), as Polaris runAsRootAllowed/runAsPrivileged/privilegeEscalationAllowed/dangerousCapabilities/hostNetworkSet/hostPIDSet/hostIPCSet; one finding per container listing every problem.',
    why: 'A root, privileged or escalating container turns any code-execution bug into a node compromise; the restricted Pod Security Standard forbids all three.',
    fix: 'Set `runAsNonRoot: true` (and a non-zero `runAsUser` if the image has no USER), `allowPrivilegeEscalation: false`, drop all capabilities, and never `privileged: true`.',
    severityNote: 'P1 when the container runs or may run as root, is privileged, adds a dangerous capability or shares a host namespace; P2 when the only problems are hardening: privilege escalation left allowed, or "may run as root" for an image this repository builds from a Dockerfile with a non-root USER (or a base documented to run as non-root), for an init container, or for the pod of a Job or CronJob (they run to completion and serve nothing).',
    snippets: [{ stack: 'Kubernetes', code: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: ["ALL"]' }],
  },
  run(ctx) {
    return checkContainers(ctx, {
      looked: 'security contexts',
      async visit(container, workload): Promise<FindingInput[]> {
        let problems = securityProblems(container, workload);
        // "May run as root" is only hardening when the image itself sets a non-root USER.
        const user = problems.some((p) => p.message.startsWith('may run as root')) ? await imageUser(ctx, container.spec.image) : undefined;
        // An init container or a Job's pod runs to completion and serves nothing: root there is hardening (SEVERITY.md's P1
        // is a production image's long-running container).
        const shortLived = container.init ? 'an init container runs to completion and serves nothing' : /^(Job|CronJob)$/.test(workload.kind) ? `a ${workload.kind}'s pod runs to completion and serves nothing` : undefined;
        const because = user ?? shortLived;
        if (because) problems = problems.map((p) => (p.message.startsWith('may run as root') ? { ...p, severity: 'P2' as const, message: `${p.message}, though ${because}` } : p));
        const out: FindingInput[] = [];
        // The pod-level problem once per workload, with its first container.
        const shared = hostNamespaces(workload);
        if (shared.length && workload.containers[0] === container) {
          out.push({ status: 'fail', message: `${workload.kind} \`${workload.name}\` shares the host's namespaces (${shared.map((k) => `${k}: true`).join(', ')}).`, ...pointAt(workload.podLocate([shared[0]!])) });
        }
        if (problems.length === 0) return out;
        return [
          ...out,
          {
            status: 'fail',
            severity: problems.some((p) => p.severity === 'P1') ? 'P1' : 'P2',
            message: `${containerLabel(container, workload)} ${problems.map((p) => p.message).join('; ')}.`,
            ...pointAt(container.locate(problems[0]!.keyPath)),
          },
        ];
      },
    });
  },
};
