const maxNeedleBytes = 256;

// One output stream of a student process: always drained, kept within a cap, searchable in full.
export class CapturedOutput {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private total = 0;
  private readonly needles = new Map<string, boolean>();
  // The last bytes seen, so a needle split across chunks (or across a late watchFor) is still found.
  private carry = Buffer.alloc(0);
  private readonly halfCap: number;

  // The cap is split between the start (banner, first traceback) and the end (last error).
  constructor(capBytes = 1024 * 1024) {
    this.halfCap = Math.floor(capBytes / 2);
  }

  // Registers a text to look for (at most 256 bytes); it is found even if the output is later cut.
  watchFor(needle: string): void {
    if (Buffer.byteLength(needle) > maxNeedleBytes) throw new Error(`watched text longer than ${maxNeedleBytes} bytes`);
    if (!this.needles.has(needle)) this.needles.set(needle, this.searchKept(needle));
  }

  hasSeen(needle: string): boolean {
    return this.needles.get(needle) ?? this.searchKept(needle);
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    this.scan(chunk);
    const headRoom = this.halfCap - this.headBytes;
    if (headRoom > 0) {
      const kept = Buffer.from(chunk.subarray(0, headRoom));
      this.head.push(kept);
      this.headBytes += kept.length;
      chunk = chunk.subarray(kept.length);
    }
    if (chunk.length === 0) return;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tailBytes > this.halfCap && this.tail.length > 0) {
      const excess = this.tailBytes - this.halfCap;
      const first = this.tail[0]!;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
      }
    }
  }

  get totalBytes(): number {
    return this.total;
  }

  // What was kept: the head, the tail, and how many bytes were cut between them.
  snapshot(): { head: Buffer; tail: Buffer; cutBytes: number } {
    const head = Buffer.concat(this.head);
    const tail = Buffer.concat(this.tail);
    return { head, tail, cutBytes: this.total - head.length - tail.length };
  }

  private scan(chunk: Buffer): void {
    const window = Buffer.concat([this.carry, chunk]);
    for (const [needle, seen] of this.needles) {
      if (!seen && window.includes(needle)) this.needles.set(needle, true);
    }
    // Copied, so the carry never keeps a large chunk alive.
    this.carry = Buffer.from(window.subarray(Math.max(0, window.length - maxNeedleBytes)));
  }

  private searchKept(needle: string): boolean {
    const { head, tail, cutBytes } = this.snapshot();
    // Joining across a cut would invent text the program never printed.
    if (cutBytes === 0) return Buffer.concat([head, tail]).includes(needle);
    return head.includes(needle) || tail.includes(needle) || this.carry.includes(needle);
  }
}
