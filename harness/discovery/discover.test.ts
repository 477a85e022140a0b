import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { compareIds, discoverSubmissions } from './discover.js';
import { chooseEntryFile } from './entry-file.js';
import type { Submission } from './submission.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'discover-test-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// Creates the files (and their folders) under root; a name ending in "/" is an empty folder.
async function tree(...paths: string[]): Promise<void> {
  for (const path of paths) {
    const full = join(root, path);
    if (path.endsWith('/')) await mkdir(full, { recursive: true });
    else {
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, '#!/usr/bin/env python3\n');
    }
  }
}

async function badInput(promise: Promise<unknown>): Promise<BadInputError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BadInputError);
  return error as BadInputError;
}

describe('discoverSubmissions', () => {
  it('finds the student folders of a class folder, sorted as a French teacher expects', async () => {
    await tree(
      'class/Fabien/simpleUDPServeur.py',
      'class/alice/simpleUDPServeur.py',
      'class/Eva/serveur.py',
      'class/Émile Zola/simpleUDPServeur.py',
      'class/.git/HEAD',
      'class/reports/alice.md',
      'class/notes.txt',
    );
    const classDir = join(root, 'class');

    const found = await discoverSubmissions([classDir], join(classDir, 'reports'));

    expect(found).toEqual(
      ['alice', 'Émile Zola', 'Eva', 'Fabien'].map((id) => ({ id, dir: join(classDir, id) })),
    );
  });

  it('skips the output folder whatever its name', async () => {
    await tree('class/alice/a.py', 'class/bob/b.py', 'class/resultats/');
    const classDir = join(root, 'class');

    const found = await discoverSubmissions([classDir], join(classDir, 'resultats'));

    expect(found.map((submission) => submission.id)).toEqual(['alice', 'bob']);
  });

  it('takes a folder that directly holds a .py file as one submission', async () => {
    await tree('alice/simpleUDPServeur.py', 'alice/lib/helper.py', 'alice/notes/');

    const found = await discoverSubmissions([join(root, 'alice')], join(root, 'reports'));

    expect(found).toEqual([{ id: 'alice', dir: join(root, 'alice') }]);
  });

  it('takes a .py file as one submission named after its folder', async () => {
    await tree('Émile Zola/serveur.py', 'Émile Zola/autre.py');
    const file = join(root, 'Émile Zola', 'serveur.py');

    const found = await discoverSubmissions([file], join(root, 'reports'));

    expect(found).toEqual([{ id: 'Émile Zola', dir: join(root, 'Émile Zola'), file }]);
  });

  it('keeps ids unique across paths that hold same-named folders', async () => {
    await tree('groupA/alice/a.py', 'groupA/bob/b.py', 'groupB/alice/a.py');

    const found = await discoverSubmissions([join(root, 'groupA'), join(root, 'groupB')], join(root, 'reports'));

    expect(found).toEqual([
      { id: 'alice', dir: join(root, 'groupA', 'alice') },
      { id: 'alice (2)', dir: join(root, 'groupB', 'alice') },
      { id: 'bob', dir: join(root, 'groupA', 'bob') },
    ]);
  });

  it('rejects a path that does not exist, naming it', async () => {
    await tree('class/alice/a.py');
    const missing = join(root, 'clas');

    const error = await badInput(discoverSubmissions([join(root, 'class'), missing], join(root, 'reports')));

    expect(error.code).toBe('PATH_NOT_FOUND');
    expect(error.message).toContain(missing);
  });

  it.each([
    { name: 'an empty folder', paths: ['empty/'] },
    { name: 'a folder of ignored folders and loose files', paths: ['class/.git/HEAD', 'class/__pycache__/x.pyc', 'class/notes.txt'] },
  ])('finds nothing to grade in $name', async ({ paths }) => {
    await tree(...paths);
    const folder = join(root, paths[0]!.split('/')[0]!);

    const error = await badInput(discoverSubmissions([folder], join(root, 'reports')));

    expect(error.code).toBe('NOTHING_TO_GRADE');
    expect(error.message).toContain(folder);
  });
});

describe('chooseEntryFile', () => {
  const expected = 'simpleUDPServeur.py';

  it.each([
    { name: 'the exact name', files: ['simpleUDPServeur.py', 'simpleudpserveur.py', 'autre.py'], launchable: ['.py'], choice: { kind: 'exact', name: 'simpleUDPServeur.py' } },
    { name: 'the name in another case', files: ['simpleudpserveur.py', 'autre.py'], launchable: ['.py'], choice: { kind: 'substitute', name: 'simpleudpserveur.py', why: 'other-case' } },
    { name: 'the same stem with another launchable extension', files: ['simpleUDPServeur.ts', 'helper.py', 'other.py'], launchable: ['.py', '.ts'], choice: { kind: 'substitute', name: 'simpleUDPServeur.ts', why: 'other-extension' } },
    { name: 'the same stem with an extension that is not launchable', files: ['simpleUDPServeur.ts', 'helper.py', 'other.py'], launchable: ['.py'], choice: { kind: 'missing', candidates: ['helper.py', 'other.py', 'simpleUDPServeur.ts'] } },
    { name: 'the only .py file', files: ['serveur.py', 'notes.txt', 'client.ts'], launchable: ['.py'], choice: { kind: 'substitute', name: 'serveur.py', why: 'only-file' } },
    { name: 'two unrelated .py files', files: ['serveur.py', 'client.py', 'notes.txt'], launchable: ['.py'], choice: { kind: 'missing', candidates: ['client.py', 'serveur.py'] } },
    { name: 'no runnable file', files: ['notes.txt'], launchable: ['.py'], choice: { kind: 'missing', candidates: [] } },
  ])('chooses $name', async ({ files, launchable, choice }) => {
    await tree(...files.map((file) => `student/${file}`));
    const submission: Submission = { id: 'student', dir: join(root, 'student') };

    expect(await chooseEntryFile(submission, expected, launchable)).toEqual(choice);
  });

  it.each([
    { file: 'simpleUDPServeur.py', choice: { kind: 'exact', name: 'simpleUDPServeur.py' } },
    { file: 'serveur.py', choice: { kind: 'substitute', name: 'serveur.py', why: 'named-file' } },
  ])('takes the file named on the command line ($file)', async ({ file, choice }) => {
    await tree(`student/${file}`, 'student/simpleUDPServeur.py', 'student/autre.py');
    const submission: Submission = { id: 'student', dir: join(root, 'student'), file: join(root, 'student', file) };

    expect(await chooseEntryFile(submission, expected, ['.py'])).toEqual(choice);
  });
});

describe('compareIds', () => {
  // Ids of ASCII letters and digits skip the collator: same order as the collator gives them, on 2000 random pairs.
  it('orders letters-and-digits ids exactly as the French collator does', () => {
    const collator = new Intl.Collator('fr', { sensitivity: 'base' });
    const byCollator = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
    const alphabet = 'aAbBeEzZ019';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const id = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let pair = 0; pair < 2000; pair++) {
      const [a, b] = [id(), id()];
      expect([a, b, Math.sign(compareIds(a, b))]).toEqual([a, b, Math.sign(byCollator(a, b))]);
    }
    expect(['b2', 'Alice', 'B10', 'alice', 'b1'].sort(compareIds)).toEqual(['Alice', 'alice', 'b1', 'B10', 'b2']);
  });
});
