import { describe, expect, it } from 'vitest';
import type { PythonChoice } from './choice.js';
import type { PythonInterpreter } from './resolve.js';
import { heldUntil, speculate, type Attempt } from './speculate.js';

// The logic alone, with work that records what it was given; the CLI's tests run it with real processes.
const cachedPython: PythonInterpreter = { executable: '/old/python3', version: '3.11.7', prefixes: ['/old'] };
const freshPython: PythonInterpreter = { executable: '/new/python3', version: '3.12.1', prefixes: ['/new'] };

function recordingWork() {
  const attempts: { python: PythonInterpreter; signal: AbortSignal | undefined }[] = [];
  const shown: string[] = [];
  const work = async (attempt: Attempt) => {
    const python = await attempt.python;
    const record = { python, signal: attempt.signal };
    attempts.push(record);
    heldUntil(attempt.confirmed, (event: string) => shown.push(event))?.(`graded with ${python.executable}`);
    // Ends once stopped, or once the caller has seen the resolution.
    await Promise.race([attempt.confirmed, new Promise((resolve) => attempt.signal?.addEventListener('abort', resolve))]);
    return python.executable;
  };
  return { attempts, shown, work };
}

describe('speculate', () => {
  it('without a cache, works once with the resolved interpreter', async () => {
    const { attempts, work } = recordingWork();
    const choice: PythonChoice = { cached: undefined, fresh: Promise.resolve(freshPython) };
    expect(await speculate(choice, undefined, work)).toBe('/new/python3');
    expect(attempts.map((attempt) => attempt.python)).toEqual([freshPython]);
  });

  it('with the right guess, works once, before the resolution ends', async () => {
    const { attempts, shown, work } = recordingWork();
    let resolve!: (python: PythonInterpreter) => void;
    const choice: PythonChoice = { cached: cachedPython, fresh: new Promise((done) => (resolve = done)) };
    const result = speculate(choice, undefined, work);
    await new Promise((started) => setImmediate(started));
    expect(attempts.map((attempt) => attempt.python)).toEqual([cachedPython]);
    expect(shown).toEqual([]); // Held until the guess is confirmed.
    resolve({ ...cachedPython, prefixes: [...cachedPython.prefixes] });
    expect(await result).toBe('/old/python3');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.signal?.aborted).toBe(false);
    expect(shown).toEqual(['graded with /old/python3']);
  });

  it('with a wrong guess, stops that attempt, shows nothing of it, and works again with the fresh answer', async () => {
    const { attempts, shown, work } = recordingWork();
    const choice: PythonChoice = { cached: cachedPython, fresh: Promise.resolve(freshPython) };
    expect(await speculate(choice, undefined, work)).toBe('/new/python3');
    expect(attempts.map((attempt) => attempt.python)).toEqual([cachedPython, freshPython]);
    expect(attempts[0]!.signal?.aborted).toBe(true);
    expect(shown).toEqual(['graded with /new/python3']);
  });

  it('when the resolution fails, stops the attempt and throws the resolution’s error', async () => {
    const { attempts, shown, work } = recordingWork();
    const failure = new Error('No Python 3 found');
    const fresh = Promise.reject(failure);
    const choice: PythonChoice = { cached: cachedPython, fresh };
    await expect(speculate(choice, undefined, work)).rejects.toBe(failure);
    expect(attempts.map((attempt) => attempt.python)).toEqual([cachedPython]);
    expect(attempts[0]!.signal?.aborted).toBe(true);
    expect(shown).toEqual([]);
  });
});
