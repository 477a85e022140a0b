import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';

// Calls `onChange` once a burst of saves in the watched submissions has settled (editors write in
// several steps). Changes to the reports and to Python's caches are not the student's.
export function watchSubmissions(paths: readonly string[], outDir: string, onChange: () => void, debounceMs = 150): Disposable {
  const ignored = [resolve(outDir), '__pycache__'];
  let timer: NodeJS.Timeout | undefined;
  const changed = (folder: string, name: string | null) => {
    const path = name ? resolve(folder, name) : folder;
    if (ignored.some((skip) => path.startsWith(skip) || path.split(sep).includes(skip))) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watchers: FSWatcher[] = paths.map((path) => {
    const target = resolve(path);
    // A single file is watched through its folder: editors replace the file rather than write into it.
    const isFile = statSync(target, { throwIfNoEntry: false })?.isFile() ?? false;
    const folder = isFile ? dirname(target) : target;
    return watch(folder, { recursive: !isFile }, (_event, name) => {
      if (!isFile || name === basename(target)) changed(folder, name);
    });
  });
  return {
    [Symbol.dispose]: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
