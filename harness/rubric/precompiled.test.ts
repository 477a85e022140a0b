import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rubricsDir } from '../paths.js';
import { parseRubric } from './parse.js';
import { precompiledTable } from './precompile-table.js';
import { precompiledRubric } from './precompiled.js';

const dir = mkdtempSync(join(tmpdir(), 'precompiled-'));
const tableFile = join(dir, 'precompiled.json');
writeFileSync(tableFile, JSON.stringify(precompiledTable(rubricsDir, () => undefined)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompiled rubrics (what npm run build writes)', () => {
  for (const name of ['udp-server', 'udp-client', 'udp-echo']) {
    const file = join(rubricsDir, `${name}.yaml`);
    const source = readFileSync(file, 'utf8');

    it(`loads ${name} exactly as parsing it does, id and source included`, async () => {
      expect(await precompiledRubric(source, file, tableFile)).toEqual(parseRubric(source, file));
    });

    it(`takes the id and source from the file as given (${name} under another name)`, async () => {
      const other = join(dir, 'variant.yaml');
      expect(await precompiledRubric(source, other, tableFile)).toEqual(parseRubric(source, other));
    });

    it(`does not match ${name} once its text changes by one byte`, async () => {
      expect(await precompiledRubric(`${source}\n`, file, tableFile)).toBeUndefined();
    });
  }

  it('finds nothing without a table (running from the TypeScript sources)', async () => {
    const file = join(rubricsDir, 'udp-server.yaml');
    expect(await precompiledRubric(readFileSync(file, 'utf8'), file, join(dir, 'missing.json'))).toBeUndefined();
  });

  it('leaves an invalid rubric out, and says so', () => {
    const bad = mkdtempSync(join(tmpdir(), 'precompiled-bad-'));
    writeFileSync(join(bad, 'broken.yaml'), 'title: [');
    const warnings: string[] = [];
    expect(precompiledTable(bad, (line) => warnings.push(line))).toEqual({});
    expect(warnings).toEqual([expect.stringContaining('broken.yaml left out')]);
    rmSync(bad, { recursive: true, force: true });
  });
});
