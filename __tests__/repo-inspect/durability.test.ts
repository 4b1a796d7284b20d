// data.durability: datastores of the deployment with their crash safety
// switched off, on the command line, in Kubernetes args or in a config file.

import { describe, expect, it } from '@jest/globals';
import { dataChecks } from '../../src/checks/data/index.js';
import { switchesInCommand, switchesInConfig } from '../../src/checks/data/durability.js';
import { audit, messages, where } from './helpers.js';

const DEPLOY = '# Acme\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n';
const compose = (command: string): string => `services:\n  app:\n    image: acme/app:1.0.0\n    ports: ["80:80"]\n  db:\n    image: postgres:16.4\n    command: ${command}\n`;

describe('data.durability', () => {
  it('fails P0 on a production Postgres with fsync or full_page_writes off, P2 with only synchronous_commit off', async () => {
    const result = await audit(dataChecks, { 'README.md': DEPLOY, 'docker-compose.yml': compose('postgres -c fsync=off -c full_page_writes=off -c synchronous_commit=off') }, { git: true });
    expect(where(result, 'data.durability')).toEqual(['fail P0 docker-compose.yml:7']);
    expect(messages(result, 'data.durability')[0]).toMatch(/fsync=off, full_page_writes=off: a host crash or power loss can corrupt its data beyond repair \(PostgreSQL manual.*; and synchronous_commit=off: a crash loses the last committed transactions/);
    const lossOnly = await audit(dataChecks, { 'README.md': DEPLOY, 'docker-compose.yml': compose('postgres -c synchronous_commit=off') }, { git: true });
    expect(where(lossOnly, 'data.durability')).toEqual(['fail P2 docker-compose.yml:7']);
  });

  it('passes the same datastore without the switches, and leaves a test compose file to the tests', async () => {
    expect(where(await audit(dataChecks, { 'README.md': DEPLOY, 'docker-compose.yml': compose('postgres -c max_connections=200') }, { git: true }), 'data.durability')).toEqual(['pass P0']);
    const test = await audit(dataChecks, { 'README.md': DEPLOY, 'docker-compose.yml': compose('postgres -c max_connections=200'), 'docker-compose.test.yml': compose('["postgres", "-c", "fsync=off"]') }, { git: true });
    expect(where(test, 'data.durability')).toEqual(['pass P0']);
    expect(messages(test, 'data.durability')[0]).toMatch(/docker-compose\.test\.yml/);
  });

  it('reads Kubernetes args and the engines\' configuration files', async () => {
    const manifest = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers:\n        - name: db\n          image: mysql:8.4.2\n          args: ["--skip-innodb-doublewrite", "--innodb-flush-log-at-trx-commit=2"]\n';
    const readme = '## Install\n\n```\nkubectl apply -f k8s/\n```\n';
    const result = await audit(dataChecks, { 'README.md': readme, 'k8s/db.yaml': manifest }, { git: true });
    expect(where(result, 'data.durability')).toEqual(['fail P0 k8s/db.yaml:12']);
    expect(switchesInConfig('postgres', '#fsync = on\nfsync = off   # for speed\nshared_buffers = 1GB\n').map((f) => [f.setting.name, f.line])).toEqual([['fsync', 2]]);
    expect(switchesInConfig('mysql', '[mysqld]\nskip-innodb_doublewrite\ninnodb_flush_log_at_trx_commit = 1\n').map((f) => [f.setting.name, f.line])).toEqual([['innodb_doublewrite', 2]]);
    expect(switchesInCommand('mongo', ['mongod', '--nojournal']).map((f) => f.setting.name)).toEqual(['nojournal']);
    expect(switchesInCommand('postgres', ['postgres', '-c', 'fsync=on'])).toEqual([]);
  });
});
