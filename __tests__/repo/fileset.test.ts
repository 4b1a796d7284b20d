import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFileSet, RepositoryNotFoundError } from '../../src/repo/fileset.js';
import { makeRepo } from '../helpers/repo.js';

const options = { maxFileBytes: 1024 };

describe('the file set', () => {
  it('lists tracked and untracked-but-not-ignored files of a git work tree, skipping vendored and build folders', async () => {
    const repo = makeRepo(
      {
        '.gitignore': 'secret.local\n',
        'src/app.py': 'print(1)\n',
        'node_modules/x/index.js': 'x\n',
        'vendor/lib.go': 'package lib\n',
        'dist/index.js': 'bundle\n',
        '.env': 'A=1\n',
      },
      { git: true },
    );
    try {
      repo.write('new.txt', 'untracked\n');
      repo.write('secret.local', 'ignored\n');
      const files = await loadFileSet(repo.root, options);
      expect(files.isGitRepository).toBe(true);
      expect(files.files.map((f) => [f.path, f.tracked])).toEqual([
        ['.env', true],
        ['.gitignore', true],
        ['new.txt', false],
        ['src/app.py', true],
      ]);
    } finally {
      repo.cleanup();
    }
  });

  it('walks a plain directory honouring nested .gitignore files', async () => {
    const repo = makeRepo({
      '.gitignore': '*.log\nbuild-output/\n',
      'app/.gitignore': 'local.cfg\n',
      'app/main.js': '1\n',
      'app/local.cfg': 'x\n',
      'debug.log': 'x\n',
      'build-output/a.js': 'x\n',
      '.venv/lib.py': 'x\n',
    });
    try {
      const files = await loadFileSet(repo.root, options);
      expect(files.isGitRepository).toBe(false);
      expect(files.files.map((f) => f.path)).toEqual(['.gitignore', 'app/.gitignore', 'app/main.js']);
    } finally {
      repo.cleanup();
    }
  });

  it('skips huge files, binary files and symlinks that leave the repository, with reasons', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'rg-outside-'));
    const repo = makeRepo({ 'big.txt': 'x'.repeat(2048), 'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'ok.txt': 'fine\n' });
    try {
      symlinkSync(join(outside), join(repo.root, 'escape'));
      symlinkSync(join(repo.root, 'ok.txt'), join(repo.root, 'inside-link.txt'));
      const files = await loadFileSet(repo.root, options);
      expect(files.files.map((f) => f.path)).toEqual(['image.png', 'inside-link.txt', 'ok.txt']);
      expect(await files.read('image.png')).toBeUndefined();
      expect(await files.read('inside-link.txt')).toBe('fine\n');
      expect(files.skipped).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'big.txt', reason: '2048 bytes, larger than repo.max-file-bytes (1024 bytes)', unread: 'oversized' }),
          expect.objectContaining({ path: 'escape', reason: 'symlink leaves the repository (not followed)', unread: 'symlink-out' }),
          { path: 'image.png', reason: 'binary' },
        ]),
      );
    } finally {
      repo.cleanup();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('honours ignore globs and matches by glob or base name', async () => {
    const repo = makeRepo({ 'infra/docker-compose.yml': 'services: {}\n', 'docker-compose.prod.yml': 'x: 1\n', 'fixtures/docker-compose.yml': 'x\n' });
    try {
      const files = await loadFileSet(repo.root, { ...options, ignore: ['fixtures/**'] });
      expect(files.match('**/docker-compose*.yml').map((f) => f.path)).toEqual(['docker-compose.prod.yml', 'infra/docker-compose.yml']);
      expect(files.match(/^docker-compose/).length).toBe(2);
    } finally {
      repo.cleanup();
    }
  });

  it('keeps texts up to its cache budget and reads the rest again when asked again, with the same text and no duplicate skip', async () => {
    const repo = makeRepo({ 'a.txt': 'a'.repeat(40), 'b.txt': 'b'.repeat(40), 'c.bin': '\u0000\u0001binary' }, { git: false });
    try {
      const files = await loadFileSet(repo.root, { ...options, textCacheChars: 50 });
      expect(await files.read('a.txt')).toBe('a'.repeat(40));
      expect(await files.read('b.txt')).toBe('b'.repeat(40)); // over the budget: handed out, not kept
      const again = [files.read('a.txt'), files.read('b.txt')];
      expect(await Promise.all(again)).toEqual(['a'.repeat(40), 'b'.repeat(40)]);
      expect(await files.read('c.bin')).toBeUndefined();
      expect(await files.read('c.bin')).toBeUndefined();
      expect(files.skipped.filter((s) => s.path === 'c.bin').map((s) => s.reason)).toEqual(['binary']);
    } finally {
      repo.cleanup();
    }
  });

  it('rejects a repository path that does not exist or is a file', async () => {
    await expect(loadFileSet('/nonexistent/readiness-gate', options)).rejects.toBeInstanceOf(RepositoryNotFoundError);
    const repo = makeRepo({ 'a.txt': 'a' });
    try {
      await expect(loadFileSet(join(repo.root, 'a.txt'), options)).rejects.toThrow('repository path is not a directory');
    } finally {
      repo.cleanup();
    }
  });
});
