// The parse modules other check families import (src/parse/compose.ts,
// src/parse/kubernetes.ts), used directly through their documented API.
import { describe, expect, it } from '@jest/globals';
import { loadFileSet } from '../../src/repo/fileset.js';
import { ParsedFiles } from '../../src/parse/parsed.js';
import { dockerfileOf, isOneShot, loadComposeFiles } from '../../src/parse/compose.js';
import { loadManifests } from '../../src/parse/kubernetes.js';
import { makeRepo } from '../helpers/repo.js';

async function contextFor(files: Record<string, string>) {
  const repo = makeRepo(files);
  const set = await loadFileSet(repo.root, { maxFileBytes: 1 << 20 });
  return { ctx: { files: set, parsed: new ParsedFiles(set) }, cleanup: repo.cleanup };
}

describe('src/parse/compose.ts', () => {
  it('gives services with resolved config, profiles, one-shot flag, built Dockerfile and source lines', async () => {
    const { ctx, cleanup } = await contextFor({
      'deploy/base.yml': 'services:\n  app:\n    build:\n      context: ../app\n      dockerfile: Dockerfile.prod\n    environment:\n      - LOG_LEVEL=info\n',
      'deploy/docker-compose.yml':
        'x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    extends:\n      file: base.yml\n      service: app\n    environment:\n      PORT: "8000"\n  seed:\n    image: app:1\n    profiles: [tools]\n',
    });
    try {
      const [file] = await loadComposeFiles(ctx);
      const [web, seed] = file!.services;
      expect(web!.config).toEqual({
        restart: 'always',
        build: { context: '../app', dockerfile: 'Dockerfile.prod' },
        environment: { LOG_LEVEL: 'info', PORT: '8000' },
      });
      expect(web!.locate(['restart'])).toEqual({ path: 'deploy/docker-compose.yml', line: 2 });
      expect(web!.locate(['environment', 'LOG_LEVEL'])).toEqual({ path: 'deploy/base.yml', line: 7 });
      expect(web!.locate(['environment', 'PORT'])).toEqual({ path: 'deploy/docker-compose.yml', line: 10 });
      expect(web!.locate(['healthcheck'])).toEqual({ path: 'deploy/docker-compose.yml', line: 4 });
      expect(dockerfileOf(web!)).toBe('app/Dockerfile.prod');
      expect([seed!.profiles, isOneShot(seed!, file!), isOneShot(web!, file!)]).toEqual([['tools'], true, false]);
    } finally {
      cleanup();
    }
  });
});

describe('src/parse/kubernetes.ts', () => {
  it('gives workloads and containers with lines from multi-document files, and marks Helm templates', async () => {
    const { ctx, cleanup } = await contextFor({
      'k8s/all.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: job\n              image: job:2\n',
      'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n{{ include "labels" . | indent 4 }}\n',
      'notes.yaml': 'title: not kubernetes\n',
    });
    try {
      const manifests = await loadManifests(ctx);
      expect(manifests.map((m) => [m.path, m.helm ?? '-', m.workloads.map((w) => [w.kind, w.name, w.line, w.longRunning])])).toEqual([
        ['chart/templates/svc.yaml', 'skipped', []],
        ['k8s/all.yaml', '-', [['CronJob', 'nightly', 7, false]]],
      ]);
      const job = manifests[1]!.workloads[0]!.containers[0]!;
      expect([job.name, job.line, job.lineOf(['image']), job.init]).toEqual(['job', 16, 17, false]);
    } finally {
      cleanup();
    }
  });
});
