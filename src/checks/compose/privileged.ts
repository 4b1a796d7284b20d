import type { FindingInput, RepoCheck } from '../../engine/types.js';
import { isPlainObject, type ComposeService } from '../../parse/compose.js';
import { checkComposeServices, serviceLabel } from './common.js';

/** Capabilities that amount to (or open a path to) root on the host. */
export const DANGEROUS_CAPABILITIES = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH']);
const DOCKER_SOCKET = /^\/(var\/)?run\/docker\.sock$/;
const DOCKER_PROVIDER_IMAGE = /^(docker\.io\/)?(library\/)?(traefik|nginxproxy\/nginx-proxy|jwilder\/nginx-proxy|nginxproxy\/docker-gen|lucaslorentz\/caddy-docker-proxy)([:@]|$)/;

/** Each host-level privilege a service is granted, with the key that grants it. */
export function privilegesOf(service: ComposeService): Array<{ what: string; keyPath: Array<string | number>; severity?: 'P2' }> {
  const c = service.config;
  const out: Array<{ what: string; keyPath: Array<string | number>; severity?: 'P2' }> = [];
  if (c.privileged === true) out.push({ what: '`privileged: true`', keyPath: ['privileged'] });
  if (c.network_mode === 'host') out.push({ what: '`network_mode: host`', keyPath: ['network_mode'] });
  if (c.pid === 'host') out.push({ what: '`pid: host`', keyPath: ['pid'] });
  if (c.ipc === 'host') out.push({ what: '`ipc: host`', keyPath: ['ipc'] });
  if (c.userns_mode === 'host') out.push({ what: '`userns_mode: host`', keyPath: ['userns_mode'] });
  // `user: "0:0"` runs the process as root whatever USER the image sets: the image's own drop undone.
  // A one-shot helper that fixes ownership of a volume (`command: chown -R 1000:1000 /data`) needs root and exits.
  const oneShotPermissions = /\b(chown|chmod|setfacl)\b/.test(JSON.stringify(c.command ?? c.entrypoint ?? ''));
  if ((typeof c.user === 'string' || typeof c.user === 'number') && /^(root|0)(:(root|0))?$/.test(String(c.user).trim()) && !oneShotPermissions) out.push({ what: `\`user: ${String(c.user).trim()}\` (root, whatever user the image sets)`, keyPath: ['user'] });
  if (Array.isArray(c.security_opt)) {
    for (const opt of c.security_opt) {
      const text = String(opt);
      if (/^(seccomp|apparmor)[:=]unconfined$|^label[:=]disable$/i.test(text)) out.push({ what: `\`security_opt: ${text}\``, keyPath: ['security_opt', text] });
    }
  }
  if (Array.isArray(c.volumes)) {
    c.volumes.forEach((volume, index) => {
      const source = typeof volume === 'string' ? volume.split(':')[0]! : isPlainObject(volume) ? String(volume.source ?? '') : '';
      if (DOCKER_SOCKET.test(source)) {
        const readOnly = typeof volume === 'string' ? /:ro(,|$)/.test(volume) : isPlainObject(volume) && volume.read_only === true;
        const image = typeof c.image === 'string' ? c.image : '';
        // Traefik's and nginx-proxy's Docker providers read container labels through the socket (their documented setup): still root-equivalent, but the usual trade-off.
        const proxy = readOnly && DOCKER_PROVIDER_IMAGE.test(image);
        out.push({ what: `the Docker socket mounted (${source})${proxy ? ` read-only into ${image.split(/[:@]/)[0]}, whose Docker provider reads container labels` : ''}`, keyPath: ['volumes', typeof volume === 'string' ? volume : index], ...(proxy ? { severity: 'P2' as const } : {}) });
      }
    });
  }
  if (Array.isArray(c.cap_add)) {
    for (const cap of c.cap_add) {
      const name = String(cap).toUpperCase().replace(/^CAP_/, '');
      if (DANGEROUS_CAPABILITIES.has(name)) out.push({ what: `\`cap_add: ${String(cap)}\``, keyPath: ['cap_add', String(cap)] });
    }
  }
  return out;
}

export const composePrivileged: RepoCheck = {
  id: 'compose.privileged',
  title: 'Compose services do not get host privileges',
  category: 'security',
  severity: 'P1',
  kind: 'repo',
  docs: {
    summary:
      'Fails for each compose service with `privileged: true`, the Docker socket (`/var/run/docker.sock`) mounted, `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host`, `security_opt` that disables seccomp/AppArmor/SELinux, `user: root` / `user: "0:0"` (root whatever the image sets), or a dangerous `cap_add` (ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, DAC_READ_SEARCH); one finding per grant, at its line (the KICS compose queries for the same settings).',
    severityNote: 'P2 for the Docker socket mounted read-only into a reverse proxy whose Docker provider reads container labels (Traefik, nginx-proxy, docker-gen, caddy-docker-proxy): their documented setup, still root-equivalent if the proxy is compromised.',
    why: 'Each of these lets a compromised container take over the host: the Docker socket is root on the host, `privileged` disables the isolation, host namespaces expose the host network and processes.',
    fix: 'Remove the grant; add only the narrow capability really needed (e.g. NET_BIND_SERVICE); use a socket proxy with a read-only allow-list instead of the raw Docker socket.',
  },
  run(ctx) {
    return checkComposeServices(ctx, {
      looked: 'privileges',
      visit(service): FindingInput[] {
        return privilegesOf(service).map(({ what, keyPath, severity }) => ({
          status: 'fail' as const,
          ...(severity ? { severity } : {}),
          message: `${serviceLabel(service)} is given ${what}.`,
          location: service.locate(keyPath),
        }));
      },
    });
  },
};
