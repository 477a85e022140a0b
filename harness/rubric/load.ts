import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BadInputError } from '../errors.js';
import { message } from '../messages/translate.js';
import { rubricsDir } from '../paths.js';
import { precompiledRubric } from './precompiled.js';
import type { Rubric } from './schema.js';
import { inLabOrder } from './select.js';

// Accepts a rubric id (a file name in rubrics/) or a path to a YAML file. Read synchronously: a few small files, on the
// way to the first launch, where each call through libuv's threads costs a round trip.
export async function loadRubric(idOrPath: string): Promise<Rubric> {
  const looksLikePath = /[\\/]/.test(idOrPath) || /\.ya?ml$/i.test(idOrPath);
  const file = looksLikePath ? idOrPath : join(rubricsDir, `${idOrPath}.yaml`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    const known = await knownRubricIds();
    throw new BadInputError(
      'UNKNOWN_RUBRIC',
      looksLikePath
        ? message('input.unreadable-rubric', { file: idOrPath })
        : message('input.unknown-rubric', { rubric: idOrPath, known: known.join(', ') }),
    );
  }
  // A shipped rubric as validated at build time; anything else is parsed (yaml and zod load only then).
  return (await precompiledRubric(source, file)) ?? (await import('./parse.js')).parseRubric(source, file);
}

// Every rubric of rubrics/, in the lab's order (automatic rubric choice).
export async function loadAllRubrics(): Promise<Rubric[]> {
  return inLabOrder(await Promise.all((await knownRubricIds()).map(loadRubric)));
}

export async function knownRubricIds(): Promise<string[]> {
  let files: string[];
  try {
    files = readdirSync(rubricsDir);
  } catch {
    files = [];
  }
  return files.filter((name) => name.endsWith('.yaml')).map((name) => basename(name, '.yaml')).sort();
}
