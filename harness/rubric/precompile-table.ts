import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubric } from './parse.js';
import type { PrecompiledTable } from './precompiled.js';

// Every valid rubric of a folder, parsed with this build's parser, keyed by its text.
export function precompiledTable(dir: string, warn: (line: string) => void): PrecompiledTable {
  const table: PrecompiledTable = {};
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.yaml')).sort()) {
    const file = join(dir, name);
    const source = readFileSync(file, 'utf8');
    try {
      const { id: _id, source: _source, ...data } = parseRubric(source, file);
      table[source] = data;
    } catch (error) {
      // Left out, so loading it parses it and reports the problem the usual way.
      warn(`precompile: ${name} left out: ${(error as Error).message}`);
    }
  }
  return table;
}
