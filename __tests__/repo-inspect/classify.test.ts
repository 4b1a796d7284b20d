import { describe, expect, it } from '@jest/globals';
import { isComposeFile, isDockerfile, isEnvTemplate, isProductionName, isRealEnvFile, sourceLanguage } from '../../src/repo/classify.js';
import { clampLine, lineCount } from '../../src/parse/lines.js';

describe('file roles from names', () => {
  it('recognises compose files and Dockerfiles', () => {
    expect(['docker-compose.yml', 'infra/docker-compose.prod.yaml', 'compose.yaml', 'compose.override.yml', 'a/docker-compose-dev.yml'].map(isComposeFile)).toEqual([true, true, true, true, true]);
    expect(['composer.json', 'compose.json', 'my-compose.yml'].map(isComposeFile)).toEqual([false, false, false]);
    expect(['Dockerfile', 'backend/Dockerfile.prod', 'api.Dockerfile', 'Containerfile', 'Dockerfile.dockerignore', 'dockerfile.md'].map(isDockerfile)).toEqual([true, true, true, true, false, false]);
  });

  it('tells env templates from real env files, and production ones', () => {
    const templates = ['.env.example', '.env.sample', '.env.template', '.env.prod.example', 'example.env', 'env.example', '.env.dist', 'deploy/.env.production.sample'];
    expect(templates.map(isEnvTemplate)).toEqual(templates.map(() => true));
    expect(templates.map(isRealEnvFile)).toEqual(templates.map(() => false));
    const real = ['.env', '.env.prod', '.env.production', '.env.local', '.env.backup.20260205', 'config/production.env'];
    expect(real.map(isRealEnvFile)).toEqual(real.map(() => true));
    expect(['.envrc', 'env.ts', '.environment'].map(isRealEnvFile)).toEqual([false, false, false]);
    // Render-time templates (once-campfire's Kamal `.env.erb`, round 12): expressions, not values.
    expect(['.env.erb', 'deploy/.env.j2', '.env.production.jinja2', 'prod.env.gotmpl'].map(isRealEnvFile)).toEqual([false, false, false, false]);
    expect(['.env.prod.example', '.env.production', 'production.env', '.env.example', '.env.preprod.example'].map(isProductionName)).toEqual([true, true, true, false, false]);
  });

  it('knows source languages', () => {
    expect(['a.ts', 'a.d.ts', 'b.py', 'Rakefile', 'c.go', 'README.md', 'x.min.js'].map(sourceLanguage)).toEqual(['js', undefined, 'python', 'ruby', 'go', undefined, undefined]);
  });

  it('counts lines as an editor shows them', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual([1, 1, 1, 2, 2]);
    expect(clampLine('a\nb\n', 3)).toBe(2);
  });
});
