// The report file of a submission: its id kept as is (accents, spaces), minus what a file name cannot hold.
const reserved = new Set(['summary', 'results']);

export function reportFileName(id: string): string {
  const safe = id.replace(/[/\\\0]/g, '_').replace(/^\.+/, '_') || '_';
  // A student called "summary" must not overwrite the class summary.
  return `${reserved.has(safe.toLowerCase()) ? `_${safe}` : safe}.md`;
}
