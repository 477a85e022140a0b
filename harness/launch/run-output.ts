// What a report keeps of one run of a program: the start and the end of each stream, and what was cut.
export interface OutputExcerpt {
  readonly head: Buffer;
  readonly tail: Buffer;
  readonly cutBytes: number;
}

export interface RunOutput {
  readonly stdout: OutputExcerpt;
  readonly stderr: OutputExcerpt;
}
