// `npm run build` runs this (node dist/harness/rubric/precompile.js): it validates every rubric of
// rubrics/ with this build's own parser and writes the table ./precompiled.ts reads.
import { writeFileSync } from 'node:fs';
import { rubricsDir } from '../paths.js';
import { precompiledFile } from './precompiled.js';
import { precompiledTable } from './precompile-table.js';

const table = precompiledTable(rubricsDir, (line) => process.stderr.write(`${line}\n`));
writeFileSync(precompiledFile, `${JSON.stringify(table)}\n`);
