// The datagrams each probe sends. Text where the probe is about text, so each check tests one thing:
// only the binary probe sends bytes that are not valid UTF-8.
export const payloads = {
  echo: Buffer.from('hello from the grader, echo probe'),
  manyClients: [
    [Buffer.from('client A, datagram 1'), Buffer.from('client A, datagram 2')],
    [Buffer.from('client B, datagram 1'), Buffer.from('client B, datagram 2')],
    [Buffer.from('client C, datagram 1'), Buffer.from('client C, datagram 2')],
  ],
  // Every byte value once, 0x00 to 0xff: 0x80 and above are not valid UTF-8 on their own.
  binary: Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)),
} as const;

// The sizes the sizes probe sends: 1, 512, 1024 and the rubric's maximum, each at most that maximum.
export function echoSizes(maxPayload: number): number[] {
  return [...new Set([1, 512, 1024, maxPayload])].filter((size) => size <= maxPayload).sort((a, b) => a - b);
}

// Printable ASCII of the given length, different for each length, so a mixed-up echo is visible.
export function sizedPayload(size: number): Buffer {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Buffer.from(Array.from({ length: size }, (_, i) => alphabet.charCodeAt((i + size) % alphabet.length)));
}
