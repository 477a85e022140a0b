import { readFileSync } from 'node:fs';
import { chooseEntryFile, type EntryChoice, entryPath } from '../../discovery/entry-file.js';
import type { Submission } from '../../discovery/submission.js';
import { type Toolchain, launchSpec } from '../../launch/command.js';
import { leasePort } from '../../launch/ports.js';
import type { LaunchSpec } from '../../launch/student-process.js';
import { createWorkspace, type Workspace } from '../../launch/workspace.js';
import type { Confinement } from '../../sandbox/confinement.js';

// What every kind of program does before its first launch: find the entry file, reserve a port for the
// lab's port, copy the submission, and build the (confined) launch. Disposing the result releases both.
export type NotReady =
  | { readonly kind: 'no-entry'; readonly expected: string; readonly candidates: readonly string[] }
  | { readonly kind: 'no-launcher'; readonly entry: EntryChoice & { name: string }; readonly source: Buffer };

export type PreparedRun = AsyncDisposable &
  (
    | NotReady
    | {
        readonly kind: 'ready';
        readonly entry: EntryChoice & { name: string };
        readonly source: Buffer;
        readonly workspace: Workspace;
        readonly mappedPort: number;
        readonly spec: LaunchSpec;
      }
  );

interface PrepareContext {
  readonly tools: Toolchain;
  readonly confinement: Confinement;
}

interface ProgramPlan {
  readonly entry: string;
  readonly port: number;
  // The program uses TCP on the lab's port: its free port must have no TCP socket left (see leasePort).
  readonly tcp?: boolean;
  readonly launch: Readonly<Record<string, readonly string[]>>;
}

const nothingToRelease = { [Symbol.asyncDispose]: async () => undefined };

export async function prepareRun(submission: Submission, program: ProgramPlan, context: PrepareContext): Promise<PreparedRun> {
  const entry = await chooseEntryFile(submission, program.entry, Object.keys(program.launch));
  if (entry.kind === 'missing') return { kind: 'no-entry', expected: program.entry, candidates: entry.candidates, ...nothingToRelease };
  const source = readFileSync(submission.file ?? entryPath(submission, entry.name));

  const lease = await leasePort({ tcp: program.tcp ?? false });
  const workspace = await createWorkspace(submission, context.confinement.workspaces).catch((error: unknown) => {
    lease[Symbol.dispose]();
    throw error;
  });
  const release = async () => {
    await workspace[Symbol.asyncDispose]();
    lease[Symbol.dispose]();
  };
  const plain = launchSpec(program.launch, entry.name, workspace, new Map([[program.port, lease.port]]), context.tools);
  if (!plain) {
    await release();
    return { kind: 'no-launcher', entry, source, ...nothingToRelease };
  }
  const spec = await context.confinement.confine(plain, workspace);
  return { kind: 'ready', entry, source, workspace, mappedPort: lease.port, spec, [Symbol.asyncDispose]: release };
}

// A run that never got ready, as plain observation data (without the disposal hook).
export function withoutDisposal(prepared: NotReady): NotReady {
  return prepared.kind === 'no-entry'
    ? { kind: 'no-entry', expected: prepared.expected, candidates: prepared.candidates }
    : { kind: 'no-launcher', entry: prepared.entry, source: prepared.source };
}
