// One student's work: a folder, or a single file handed in on its own.
export interface Submission {
  readonly id: string;
  // The folder the run copies; for a single file, the folder that holds it.
  readonly dir: string;
  // Set when the user named one file: only that file (and its Python siblings) is graded.
  readonly file?: string;
}
