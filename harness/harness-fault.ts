// A fault of the harness itself (a bug or a broken machine). Exit code 2. Apart from ./errors.ts, whose bad input
// speaks both languages: the launchers, which raise it, start before the message catalog loads.
export class HarnessFault extends Error {
  override name = 'HarnessFault';
}
