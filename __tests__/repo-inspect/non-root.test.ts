// docker.non-root on the shapes real projects use to avoid running as root
// without a USER line (corpus/labels.json: taiga, mealie, paperless, plane,
// microservices-demo), next to the image that really runs as root.

import { describe, expect, it } from '@jest/globals';
import { composeChecks } from '../../src/checks/compose/index.js';
import { dockerChecks } from '../../src/checks/docker/index.js';
import { k8sChecks } from '../../src/checks/k8s/index.js';
import { audit, messages, where } from './helpers.js';

const nonRoot = dockerChecks.filter((c) => c.id === 'docker.non-root');

describe('docker.non-root', () => {
  it('still fails an application image without USER', async () => {
    const result = await audit(nonRoot, { Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app.wsgi"]\n' });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 Dockerfile:1']);
  });

  it('passes an image whose entrypoint script drops privileges with gosu (taiga, mealie)', async () => {
    const result = await audit(nonRoot, {
      'docker/Dockerfile': 'FROM python:3.11-slim\nCOPY docker/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      'docker/entrypoint.sh': '#!/bin/sh\nchown -R taiga /taiga-back/media\nexec gosu taiga "$@"\n',
    });
    expect(where(result, 'docker.non-root')).toEqual(['pass P1']);
  });

  it('passes an s6-overlay image (paperless: services start under s6-setuidgid)', async () => {
    const result = await audit(nonRoot, {
      Dockerfile: 'FROM debian:bookworm-slim AS s6-overlay-base\nADD https://github.com/just-containers/s6-overlay/releases/download/v3.2.0.2/s6-overlay-noarch.tar.xz /tmp\nENTRYPOINT ["/init"]\nFROM s6-overlay-base AS main\nCOPY . /app\n',
    });
    expect(where(result, 'docker.non-root')).toEqual(['pass P1']);
  });

  it('is P2 for nginx and Caddy images, which start as root to bind 80/443 and run workers unprivileged', async () => {
    const result = await audit(nonRoot, { 'apps/web/Dockerfile.web': 'FROM node:22 AS build\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n' });
    expect(where(result, 'docker.non-root')).toEqual(['fail P2 apps/web/Dockerfile.web:3']);
  });

  it('is P2 when every production Kubernetes container enforces runAsNonRoot (microservices-demo)', async () => {
    const result = await audit(nonRoot, {
      'src/frontend/Dockerfile': 'FROM golang:1.23 AS build\nRUN go build -o /server\nFROM gcr.io/distroless/static\nCOPY --from=build /server /server\nENTRYPOINT ["/server"]\n',
      'kubernetes-manifests/frontend.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 1000\n      containers:\n        - name: server\n          image: frontend\n',
    });
    expect(where(result, 'docker.non-root')).toEqual(['fail P2 src/frontend/Dockerfile:3']);
    expect(messages(result, 'docker.non-root')[0]).toMatch(/kubernetes-manifests\/frontend\.yaml\) enforce runAsNonRoot/);
  });

  it('passes an entrypoint that runs the server through `su <user> -c`, but not `su root -c`', async () => {
    const image = 'FROM alpine:3.20\nCOPY docker/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n';
    const dropped = await audit(nonRoot, { Dockerfile: image, 'docker/entrypoint.sh': '#!/bin/sh\nchown -R app:app /data\nexec su $USER -c "/app/server --port 6157"\n' });
    expect(where(dropped, 'docker.non-root')).toEqual(['pass P1']);
    const root = await audit(nonRoot, { Dockerfile: image, 'docker/entrypoint.sh': '#!/bin/sh\nexec su root -c "/app/server"\n' });
    expect(where(root, 'docker.non-root')).toEqual(['fail P1 Dockerfile:1']);
    // A drop commented out (Kavita) does not run.
    const commented = await audit(nonRoot, { Dockerfile: image, 'docker/entrypoint.sh': '#!/bin/sh\n#if [ "$PUID" -ne 0 ]; then\n#    su -l app -c ./server\n#fi\n./server\n' });
    expect(where(commented, 'docker.non-root')).toEqual(['fail P1 Dockerfile:1']);
  });

  it('is P2 for an image with no CMD or ENTRYPOINT on a bare OS image (a base for other images), P1 once it runs a command', async () => {
    const base = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3\nCOPY requirements.txt /tmp/\n';
    const result = await audit(nonRoot, { 'docker/base/Dockerfile': base, Dockerfile: `${base}CMD ["python3", "-m", "app"]\n` });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 Dockerfile:1', 'fail P2 docker/base/Dockerfile:1']);
    expect(messages(result, 'docker.non-root')[1]).toContain('sets no CMD or ENTRYPOINT on a bare OS image');
  });

  it('knows images that run as a non-root user by default (SQL Server 2019+, Grafana, Prometheus), not SQL Server 2017', async () => {
    const result = await audit(nonRoot, {
      'src/Database/Dockerfile': 'FROM mcr.microsoft.com/mssql/server:2022-latest\nCOPY init.sql /init/\nCMD ["/opt/mssql/bin/sqlservr"]\n',
      'old/Dockerfile': 'FROM mcr.microsoft.com/mssql/server:2017-latest\nCMD ["/opt/mssql/bin/sqlservr"]\n',
      'grafana/Dockerfile': 'FROM grafana/grafana:7.5.5\nCOPY dashboards /etc/grafana/dashboards\n',
      'prometheus/Dockerfile': 'FROM prom/prometheus:v2.53.0\nCOPY prometheus.yml /etc/prometheus/\n',
    });
    expect(where(result, 'docker.non-root')).toEqual(['fail P1 old/Dockerfile:1']);
  });

  it('judges a development Dockerfile under a folder named live at most P2', async () => {
    const result = await audit(nonRoot, { 'apps/live/Dockerfile.dev': 'FROM node:22-alpine\nCMD ["npm", "run", "dev"]\n' });
    expect(where(result, 'docker.non-root')).toEqual(['fail P2 apps/live/Dockerfile.dev:1']);
  });
});

// More shapes from the corpus labels: what runs once, or reads labels by design.
describe('severity by what the workload is', () => {
  const deployment = (containers: string, init = ''): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: loadgenerator\nspec:\n  template:\n    spec:\n${init}      containers:\n${containers}`;
  it('judges an init container without resources at P2 (microservices-demo loadgenerator)', async () => {
    const result = await audit(k8sChecks, {
      'k8s/loadgenerator.yaml': deployment(
        '        - name: main\n          image: org/loadgen:1.0.0\n          resources:\n            requests: { cpu: 100m, memory: 64Mi }\n            limits: { memory: 128Mi }\n',
        '      initContainers:\n        - name: frontend-check\n          image: busybox:1.36\n',
      ),
      'k8s/web.yaml': deployment('        - name: web\n          image: org/web:1.0.0\n          ports:\n            - containerPort: 8080\n          resources:\n            requests: { cpu: 100m, memory: 64Mi }\n            limits: { memory: 128Mi }\n'),
    });
    expect(where(result, 'k8s.resources')).toEqual(['fail P2 k8s/loadgenerator.yaml:9']);
  });

  it('judges a read-only Docker socket in Traefik at P2, and any other socket mount at P1', async () => {
    const result = await audit(composeChecks, {
      'docker-compose.yml': 'services:\n  traefik:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n  agent:\n    image: org/agent:1.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
    });
    expect(where(result, 'compose.privileged')).toEqual(['fail P1 docker-compose.yml:9', 'fail P2 docker-compose.yml:5']);
  });
});
