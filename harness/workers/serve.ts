// First: a slot booted ahead of need starts its programs' launcher before the rest of its code loads.
import { launcherStartedAhead } from './launcher-prefetch.js';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import type { ScenarioContext } from '../programs/shared/context.js';
import { slotConfinement } from '../sandbox/confinement.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { decodeLine, encodeLine } from './wire.js';

// A slot worker: lives in its own network namespace (loopback only) with the programs it grades, so the
// probes reach them and nothing else does. Grades one submission at a time, as the harness asks.

export interface ServeOptions {
  // Once the first submission is graded, before its answer (after which the harness may kill the slot):
  // what the bundled worker keeps of its compiled code (./bundled-worker.ts).
  readonly afterFirstGrading?: () => void;
}

const send = (message: FromWorker) => process.stdout.write(encodeLine(message));

// A slot lives for a class's share of submissions, each a few ms of code run once: TurboFan's compilations (a
// background thread, ~11% of a slot's CPU in perf) never paid for themselves. Tier 2 still allows Maglev where
// Node enables it (22 and later); on Node 20 the code stays in Ignition and Sparkplug: ~1.5-2 ms less CPU per
// submission. Set once the first submission is graded, not on the command line: V8's flags are part of the key
// of every code cache, so Node would compile each of its built-in modules without its own (~10 ms more per slot
// boot, on the way to the first launch); by then the built-ins are loaded and the worker's own cache written.
const withoutTurboFan = () => setFlagsFromString('--max-opt=2');
// The harness reports it as a fault of its own ("Error: …"): a plain Error's name would be said twice.
const faultOf = (error: unknown) => (error instanceof Error ? (error.name === 'Error' ? error.message : `${error.name}: ${error.message}`) : String(error));

// Answers the harness's requests (stdin) in order, one line each (stdout), until its stdin closes.
export async function serve(options: ServeOptions = {}): Promise<void> {
  let firstGrading = true;
  // The probes and scenarios, most of the worker's code (~7 ms to evaluate, bundled), load at the setup, on the
  // next turn of the event loop: behind the spawn of the slot's launcher, so that it boots meanwhile instead of
  // after them (at once when that launcher was started ahead, ./launcher-prefetch.ts). Then the port lease warms up:
  // the first submission's lease is then instant. The lease's module loads with them, not before the setup:
  // node:crypto alone costs ~4 ms of the slot's start, on the way to its launcher's spawn.
  let registry: Promise<typeof import('../programs/registry.js')> | undefined;
  const loadRegistry = () => {
    if (registry) return registry;
    registry = new Promise((resolve) => setImmediate(resolve)).then(() => import('../programs/registry.js'));
    registry.catch(() => undefined); // Seen by the first grading; never an unhandled rejection.
    registry
      .then(() => import('../launch/ports.js'))
      .then(({ warmUpPorts }) => warmUpPorts())
      .catch(() => undefined);
    return registry;
  };

  // With its launcher already started, nothing is left to go first: they load now, before the setup arrives, every
  // kind of program (the setup says which).
  if (launcherStartedAhead) {
    loadRegistry()
      .then(({ programGraders }) => Promise.all(Object.values(programGraders).map((grader) => grader.load())))
      .catch(() => undefined); // Seen by the first grading.
  }

  let context: ScenarioContext | undefined;
  // Why the slot may grade nothing more: what a submission left could not be cleared. It refuses the next one
  // before starting it, and the harness sends that one to a fresh slot (./slot-pool.ts).
  let spoilt: string | undefined;
  for await (const line of createInterface({ input: process.stdin })) {
    const message = decodeLine<ToWorker>(line);
    if (message.kind === 'setup') {
      try {
        context = { ...message.setup, confinement: slotConfinement(message.setup.sandbox, message.workspaces, message.setup.tools.python.executable) };
        send({ kind: 'ready' });
        const { kind } = message.setup.rubric.program;
        loadRegistry()
          .then(({ programGraders }) => programGraders[kind].load())
          .catch(() => undefined); // Seen by the first grading.
      } catch (error) {
        send({ kind: 'fault', message: faultOf(error) });
      }
    } else if (!context) {
      send({ kind: 'fault', message: 'worker asked to grade before its setup' });
    } else if (spoilt) {
      send({ kind: 'refused', message: spoilt });
    } else {
      try {
        const { gradeProgram } = await loadRegistry();
        const result = await gradeProgram(message.submission, context);
        if (firstGrading) {
          firstGrading = false;
          options.afterFirstGrading?.();
          withoutTurboFan();
        }
        send({ kind: 'result', result });
      } catch (error) {
        send({ kind: 'fault', message: faultOf(error) });
      }
      // After the answer, which it does not change: the next request is read only once this is done.
      await context.confinement.afterSubmission().catch((error: unknown) => (spoilt = faultOf(error)));
    }
  }
}
