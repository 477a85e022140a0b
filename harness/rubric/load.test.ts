import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { BadInputError } from '../errors.js';
import { rubricsDir } from '../paths.js';
import { loadRubric } from './load.js';
import { parseRubric } from './parse.js';

const shippedFile = join(rubricsDir, 'udp-server.yaml');
let shippedSource: string;

beforeAll(async () => {
  shippedSource = await readFile(shippedFile, 'utf8');
});

interface CheckData {
  id: string;
  points: unknown;
  [field: string]: unknown;
}
interface RubricData {
  total: number;
  checks: CheckData[];
  [field: string]: unknown;
}

// The shipped rubric with one change, as YAML text: the tests follow the rubric when it evolves.
function mutated(change: (rubric: RubricData) => void): string {
  const rubric = parseYaml(shippedSource) as RubricData;
  change(rubric);
  return stringifyYaml(rubric);
}

function rejection(run: () => unknown): BadInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return error as BadInputError;
  }
  throw new Error('expected the rubric to be rejected');
}

async function asyncRejection(promise: Promise<unknown>): Promise<BadInputError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BadInputError);
  return error as BadInputError;
}

describe('the shipped udp-server rubric', () => {
  it('loads by id, with 20 points spread over the known checks in order', async () => {
    const rubric = await loadRubric('udp-server');

    expect(rubric.id).toBe('udp-server');
    expect(rubric.source).toBe(shippedFile);
    expect(rubric.total).toBe(20);
    expect(rubric.checks.reduce((sum, check) => sum + check.points, 0)).toBe(20);
    expect(rubric.checks.map((check) => check.id)).toEqual([
      'shebang',
      'starts',
      'binds',
      'reply',
      'prints-message',
      'prints-client',
      'many-clients',
      'reuseaddr',
      'restart',
    ]);
  });

  it('loads by path, taking its id from the file name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rubric-test-'));
    try {
      const file = join(dir, 'variante-port-4000.yaml');
      await writeFile(file, mutated((rubric) => ((rubric.program as { port: number }).port = 4000)));

      const rubric = await loadRubric(file);

      expect(rubric).toMatchObject({ id: 'variante-port-4000', source: file, program: { port: 4000 } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('survives a round trip through the yaml package unchanged', () => {
    expect(parseRubric(mutated(() => {}), shippedFile)).toEqual(parseRubric(shippedSource, shippedFile));
  });
});

describe('parseRubric rejects an invalid rubric, naming the bad field', () => {
  const file = '/teacher/rubrics/broken.yaml';

  it.each([
    {
      name: 'points given as a string',
      source: () => mutated((rubric) => (rubric.checks[1]!.points = String(rubric.checks[1]!.points))),
      problem: () => 'checks[1].points: expected a number',
    },
    {
      name: 'an unknown top-level field',
      source: () => mutated((rubric) => (rubric.extra = 1)),
      problem: () => '(root): unknown field "extra"',
    },
    {
      name: 'an unknown field in a check',
      source: () => mutated((rubric) => (rubric.checks[2]!.extra = 'x')),
      problem: () => 'checks[2]: unknown field "extra"',
    },
    {
      name: 'an unknown check id',
      source: () => mutated((rubric) => (rubric.checks[0]!.id = 'nope')),
      problem: () => 'checks[0].id: unknown check "nope"',
    },
    {
      name: 'a check listed twice',
      source: () => mutated((rubric) => (rubric.checks[1]!.id = rubric.checks[0]!.id)),
      problem: () => {
        const first = (parseYaml(shippedSource) as RubricData).checks[0]!.id;
        return `checks[1].id: "${first}" is listed twice`;
      },
    },
    {
      name: 'points that do not add up to the total',
      source: () => mutated((rubric) => (rubric.checks[0]!.points = Number(rubric.checks[0]!.points) + 1)),
      problem: () => {
        const total = (parseYaml(shippedSource) as RubricData).total;
        return `checks: points add up to ${total + 1}, but total is ${total}`;
      },
    },
    {
      name: 'a Python file instead of YAML',
      source: () => 'import socket\nserveur = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nwhile True:\n    pass\n',
      problem: () => 'not valid YAML (',
    },
    {
      name: 'a plain sentence',
      source: () => 'just some text',
      problem: () => '(root): expected an object',
    },
  ])('$name', ({ source, problem }) => {
    const error = rejection(() => parseRubric(source(), file));

    expect(error.code).toBe('INVALID_RUBRIC');
    const prefix = `Invalid rubric ${file}: `;
    expect(error.message.slice(0, prefix.length)).toBe(prefix);
    expect(error.message).toContain(problem());
  });
});

describe('parseRubric with a timeout its program never reads', () => {
  // The RTT client is only waited for until its first ping: a replyMs there would be silently ignored.
  it('names the timeout and the ones the program uses', async () => {
    const file = join(rubricsDir, 'udp-rtt-client.yaml');
    const rubric = parseYaml(await readFile(file, 'utf8')) as RubricData & { timeouts: Record<string, number> };
    rubric.timeouts.replyMs = 3000;
    const error = rejection(() => parseRubric(stringifyYaml(rubric), 'rtt-variant.yaml'));

    expect(error.code).toBe('INVALID_RUBRIC');
    expect(error.message).toContain('timeouts.replyMs: the udp-rtt-client program does not use it (it uses startupMs)');
  });

  it('accepts a rubric that leaves the timeouts to their defaults', () => {
    const source = mutated((rubric) => delete rubric.timeouts);
    expect(parseRubric(source, 'no-timeouts.yaml').timeouts).toEqual({ startupMs: 5000, replyMs: 1000, interruptGraceMs: 2000 });
  });
});

describe('loadRubric with a rubric that does not exist', () => {
  it('lists the known rubric ids for an unknown id', async () => {
    const error = await asyncRejection(loadRubric('no-such-rubric'));

    expect(error.code).toBe('UNKNOWN_RUBRIC');
    expect(error.message).toContain('"no-such-rubric"');
    expect(error.message).toContain('udp-server');
  });

  it('names the path for a file that cannot be read', async () => {
    const missing = join(tmpdir(), 'no-such-dir-for-rubric-test', 'rubric.yaml');

    const error = await asyncRejection(loadRubric(missing));

    expect(error.code).toBe('UNKNOWN_RUBRIC');
    expect(error.message).toContain(missing);
  });
});
