import { label } from '../reports/format.js';
import { watchSubmissions } from '../watch.js';
import { lastPython } from '../python/cache.js';
import { bootSpareLauncher } from '../sandbox/plain-launcher.js';
import { detectSandbox } from '../sandbox/support.js';
import { startSandboxedAhead } from '../workers/sandboxed-ahead.js';
import { printError } from './fail.js';
import { gradeOnce } from './run.js';
import type { CliSettings } from './settings.js';

// --watch: grade, then again after every save; a save during a run stops that run first. Ends on `stop`.
export async function watchForever(settings: CliSettings, stop: AbortSignal): Promise<void> {
  let current: { controller: AbortController; done: Promise<unknown> } | undefined;
  const start = () => {
    const controller = new AbortController();
    const previous = current;
    current = {
      controller,
      done: (async () => {
        if (previous) {
          previous.controller.abort();
          await previous.done;
        }
        if (controller.signal.aborted || stop.aborted) return;
        if (process.stdout.isTTY) process.stdout.write('\u001bc');
        await gradeOnce(settings, AbortSignal.any([controller.signal, stop])).catch((error: unknown) => printError(error, settings.lang));
        if (!stop.aborted) await bootSpareFor(settings).catch(() => undefined);
        process.stderr.write(`${label('watching', settings.lang)}\n`);
      })(),
    };
  };
  using _watcher = watchSubmissions(settings.paths, settings.out, start);
  start();
  await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
  current?.controller.abort();
  await current?.done;
}

// Between two runs: what the next save's run starts with is started now instead of on the way to its checklist
// (~50-60 ms for a sandbox slot, ~25 ms for a launcher).
async function bootSpareFor({ sandbox, python, paths, out }: CliSettings): Promise<void> {
  const support = await detectSandbox(sandbox);
  const interpreter = lastPython(python);
  if (support.kind === 'bwrap') void startSandboxedAhead(support.bwrap, paths, out, interpreter);
  else if (interpreter) bootSpareLauncher(interpreter.executable);
}
