import { bindServerSocket } from './udp-server-socket.js';
import { now } from '../clock.js';

// What the relay does with the n-th datagram it receives (0-based, in arrival order).
export type EchoFate =
  // Sent back to its sender after `delayMs`.
  | { readonly kind: 'echo'; readonly delayMs: number }
  // Never sent back.
  | { readonly kind: 'drop' }
  // Held, and sent back just before the next datagram is handled: after the client gave up waiting for it.
  | { readonly kind: 'late' };

export interface RelayedDatagram {
  readonly payload: Buffer;
  // now() when it arrived.
  readonly at: number;
}

// The grader playing an echo server that loses and delays on purpose, by arrival order, so the client's
// counts and round-trip times can be compared with what really happened. Disposing it closes the socket
// and cancels every echo still waiting.
export interface UdpEchoRelay extends AsyncDisposable {
  readonly datagrams: readonly RelayedDatagram[];
  // Resolves once more than `count` datagrams have arrived.
  arrivalAfter(count: number): Promise<void>;
}

export async function startEchoRelay(address: string, port: number, fateOf: (index: number) => EchoFate): Promise<UdpEchoRelay> {
  const socket = await bindServerSocket(address, port);
  const datagrams: RelayedDatagram[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const waiters: { count: number; resolve: () => void }[] = [];
  let held: (() => void) | undefined;


  // Node's timers may fire up to a millisecond early (libuv's clock is cached and counts whole ms): re-armed
  // until `due` has really passed, so no client can measure an RTT shorter than the injected delay.
  const after = (due: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const leftMs = due - now();
      if (leftMs > 0) after(due, action);
      else action();
    }, Math.max(0, Math.ceil(due - now())));
    timers.add(timer);
  };

  socket.on('message', (payload, sender) => {
    const index = datagrams.length;
    datagrams.push({ payload, at: now() });
    const echo = () => socket.send(payload, sender.port, sender.address);
    // A held echo goes out first, so the client finds it before the echo of the ping it has just sent.
    held?.();
    held = undefined;
    const fate = fateOf(index);
    if (fate.kind === 'late') held = echo;
    if (fate.kind === 'echo') after(now() + fate.delayMs, echo);
    for (const waiter of waiters.filter((w) => datagrams.length > w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });

  return {
    datagrams,
    arrivalAfter: (count) =>
      datagrams.length > count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    [Symbol.asyncDispose]: () => {
      for (const timer of timers) clearTimeout(timer);
      return new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}
