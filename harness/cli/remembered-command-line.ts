import { cacheFile, readCacheFile, writeCacheVersion } from '../cache-files.js';
import { type CommandLine, type CommandLineDefaults, parseCommandLine } from './command-line.js';

// yargs's answer for a command line, remembered from an earlier run of the same build given the same command line
// with the same defaults: a parse depends on nothing else (./command-line.ts). A student's self-check repeats one
// command, and loading yargs then parsing cost ~10 ms of the ~60 before its first program starts. `build`: the
// identity of the bundle holding the definitions (../code-cache.ts); unbundled, the definitions span files an edit
// may change, so every run parses.

const family = 'command-lines-';
// A few, most recent first: a teacher alternates between a handful of commands.
const kept = 8;

type Remembered = [key: string, parsed: CommandLine][];

export async function parseRemembering(args: readonly string[], defaults: CommandLineDefaults, build?: string): Promise<CommandLine> {
  if (build === undefined) return parseCommandLine(args, defaults);
  const file = cacheFile(`${family}${build}.json`);
  const key = JSON.stringify([args, defaults]);
  const remembered = readRemembered(file);
  const known = remembered.find(([other]) => other === key)?.[1];
  if (known) return known;
  // Reached only for a good command line: yargs ends the process on --help, --version and bad input.
  const parsed = await parseCommandLine(args, defaults);
  writeCacheVersion(file, family, JSON.stringify([[key, parsed], ...remembered].slice(0, kept)));
  return parsed;
}

function readRemembered(file: string): Remembered {
  const value = readCacheFile(file);
  return Array.isArray(value) ? (value as Remembered) : [];
}
