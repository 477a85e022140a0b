import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rubric, RubricFile } from './schema.js';

// The rubrics of rubrics/, parsed and validated by `npm run build` (./precompile.ts) and keyed by their text
// (a hash would load node:crypto, ~2.5 ms of the start): a rubric whose text is one of them loads without yaml or zod.
// Running from the TypeScript sources there is no table, and every rubric is parsed. The bundled CLI
// (dist/bundle/) has its own copy beside its code.
export const precompiledFile = fileURLToPath(new URL('./precompiled.json', import.meta.url));

export type PrecompiledTable = Record<string, RubricFile>;

// Each table is read once per process: loading every rubric (automatic choice) asks it seven times.
const tables = new Map<string, PrecompiledTable | undefined>();

function readTable(tableFile: string): PrecompiledTable | undefined {
  if (!tables.has(tableFile)) tables.set(tableFile, parsedOrUndefined(tableFile));
  return tables.get(tableFile);
}

function parsedOrUndefined(tableFile: string): PrecompiledTable | undefined {
  try {
    return JSON.parse(readFileSync(tableFile, 'utf8')) as PrecompiledTable;
  } catch {
    return undefined;
  }
}

export async function precompiledRubric(source: string, file: string, tableFile = precompiledFile): Promise<Rubric | undefined> {
  const table = readTable(tableFile);
  const data = table && Object.hasOwn(table, source) ? table[source] : undefined;
  // The id and source come from the file as given, exactly as parseRubric sets them.
  return data ? { ...data, id: basename(file, extname(file)), source: file } : undefined;
}
