// ANSI styles for the terminal, or none at all: colour only on a TTY and never with NO_COLOR set.
export interface Style {
  readonly pass: (text: string) => string;
  readonly fail: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const plain = (text: string) => text;
const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const noStyle: Style = { pass: plain, fail: plain, dim: plain, bold: plain };
export const colourStyle: Style = { pass: ansi(32, 39), fail: ansi(31, 39), dim: ansi(2, 22), bold: ansi(1, 22) };

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  return stream.isTTY && !('NO_COLOR' in env && env.NO_COLOR !== '') ? colourStyle : noStyle;
}
