import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePythonError } from './traceback.js';

const entryName = 'simpleUDPServeur.py';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'traceback-test-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Runs the source as the student's entry file and returns what Python wrote on stderr.
function stderrOf(source: string): string {
  const file = join(dir, entryName);
  writeFileSync(file, source);
  const result = spawnSync('python3', [file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 10_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (result.error) throw result.error;
  return result.stderr;
}

const lines = (...source: string[]) => `${source.join('\n')}\n`;

describe('parsePythonError on real tracebacks', () => {
  it.each([
    {
      name: 'a TabError (tabs and spaces mixed)',
      source: lines('#!/usr/bin/env python3', 'if True:', '        x = 1', '\ty = 2'),
      type: 'TabError',
      summary: /^TabError: inconsistent use of tabs and spaces in indentation$/,
      line: 4,
    },
    {
      name: 'a SyntaxError',
      source: lines('#!/usr/bin/env python3', 'import socket', 'x = = 1'),
      type: 'SyntaxError',
      summary: /^SyntaxError: \S.*$/,
      line: 3,
    },
    {
      name: 'a NameError in a function: the innermost line of the file, not the call',
      source: lines('#!/usr/bin/env python3', 'import socket', '', 'def serve():', '    return serveur_inexistant', '', 'serve()'),
      type: 'NameError',
      summary: /^NameError: name 'serveur_inexistant' is not defined$/,
      line: 5,
    },
    {
      name: 'a lowercase dotted exception (a typo in the host name)',
      source: lines('import socket', 's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)', 's.bind(("locahost.invalid", 3000))'),
      type: 'socket.gaierror',
      summary: /^socket\.gaierror: \[Errno -?\d+\] /,
      line: 3,
    },
    {
      name: "the student's own exception class",
      source: lines('class Oups(Exception):', '    pass', '', 'raise Oups("perdu")'),
      type: 'Oups',
      summary: /^Oups: perdu$/,
      line: 4,
    },
  ])('$name', ({ source, type, summary, line }) => {
    const error = parsePythonError(stderrOf(source), entryName);
    expect(error).toEqual({ type, summary: expect.stringMatching(summary), line });
  });

  it('gives the student line when the exception is raised inside the standard library', () => {
    const stderr = stderrOf(lines('import socket', '', "socket.create_server(('localhost', 'x'))"));
    // The traceback really goes through a library frame with its own line number.
    expect(stderr).toMatch(/File ".*[\\/]socket\.py", line \d+, in create_server/);

    expect(parsePythonError(stderr, entryName)).toEqual({
      type: 'TypeError',
      summary: "TypeError: 'str' object cannot be interpreted as an integer",
      line: 3,
    });
  });

  it('does not take a module whose name merely ends with the entry name for the student file', () => {
    // notsimpleUDPServeur.py ends with "simpleUDPServeur.py" but is another file.
    writeFileSync(join(dir, 'notsimpleUDPServeur.py'), lines('def start():', '    raise ValueError("bad port")'));
    const stderr = stderrOf(lines('import socket', 'import notsimpleUDPServeur', '', 'notsimpleUDPServeur.start()'));
    expect(stderr).toContain('notsimpleUDPServeur.py", line 2, in start');

    expect(parsePythonError(stderr, entryName)).toEqual({ type: 'ValueError', summary: 'ValueError: bad port', line: 4 });
  });

  it('gives no line when no frame is in the student file', () => {
    const stderr = stderrOf(lines('raise RuntimeError("boom")'));
    expect(parsePythonError(stderr, 'autreFichier.py')).toEqual({ type: 'RuntimeError', summary: 'RuntimeError: boom' });
  });

  it('is undefined after a clean exit with nothing on stderr', () => {
    const stderr = stderrOf(lines('print("i am the server")'));
    expect(stderr).toBe('');
    expect(parsePythonError(stderr, entryName)).toBeUndefined();
  });
});
