import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The CLI as `./grade` and `npx grade` run it: package.json's bin (the bundled build, made by `npm test`'s pretest).
const root = join(import.meta.dirname, '..', '..');
const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { grade: string } };
export const cliPath = join(root, bin.grade);
