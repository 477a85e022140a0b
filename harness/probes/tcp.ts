import { connect, type Socket } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LoopbackTarget } from './loopback.js';

// TCP conversations with a server under test: connect, send, read until the server ends the stream (or
// resets it, or dies), until the caller has enough, or until the deadline. Every socket is destroyed on return.

// How a conversation ended.
export type ConversationEnd =
  // The server closed its side (FIN): the client read the end of the stream.
  | 'closed'
  // The server reset the connection (RST), e.g. it closed the socket with unread data.
  | 'reset'
  // Nothing listens there (or the server's queue is full).
  | 'refused'
  // The caller's `enough` held: the client stopped reading, whatever came next.
  | 'enough'
  // The server process exited while the connection was open.
  | 'server-exited'
  // The deadline passed with the connection still open.
  | 'open';

export interface Conversation {
  // The client's side of the connection; absent when it never connected.
  readonly local?: { readonly address: string; readonly port: number };
  readonly sent: Buffer;
  // Every byte received, in order.
  readonly received: Buffer;
  readonly end: ConversationEnd;
}

export interface ConversationOptions {
  readonly deadlineMs: number;
  // Settles when the server process has exited: the conversation ends then (after one turn to read what arrived).
  readonly serverExited?: Promise<unknown>;
  // Stop reading once this holds for the bytes received so far (e.g. a whole reply): the stream's end is not waited for.
  readonly enough?: (received: Buffer) => boolean;
  // Called with the client's port once connected, before anything is sent (to watch the server's output for it).
  readonly onConnected?: (local: { address: string; port: number }) => void;
}

// One connection: connect, send `payload` (nothing when empty), read until it ends. Never rejects.
export function converse(target: LoopbackTarget, payload: Buffer, options: ConversationOptions): Promise<Conversation> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const received = () => Buffer.concat(chunks);
    let local: Conversation['local'];
    // allowHalfOpen: our side stays open after the server's FIN until we destroy it; nothing more is sent anyway.
    const socket: Socket = connect({ host: target.address, port: target.port, family: target.family, allowHalfOpen: true });
    let done = false;
    const finish = (end: ConversationEnd) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(local ? { local, sent: payload, received: received(), end } : { sent: payload, received: received(), end });
    };
    const timer = setTimeout(() => finish('open'), options.deadlineMs);
    void options.serverExited?.then(() => nextTurn()).then(() => finish('server-exited'));

    socket.once('connect', () => {
      local = { address: socket.localAddress ?? target.address, port: socket.localPort ?? 0 };
      options.onConnected?.(local);
      if (payload.length > 0) socket.write(payload);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (options.enough?.(received())) finish('enough');
    });
    socket.once('end', () => finish('closed'));
    // ECONNRESET, EPIPE: the server reset the connection; anything else after connecting is the same to a client.
    socket.once('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' ? 'refused' : 'reset'));
  });
}

// Several clients one after the other: each connects once the previous conversation has ended.
export async function converseInTurn(
  target: LoopbackTarget,
  payloads: readonly Buffer[],
  options: ConversationOptions,
): Promise<Conversation[]> {
  const conversations: Conversation[] = [];
  for (const payload of payloads) conversations.push(await converse(target, payload, options));
  return conversations;
}

// Several clients at once: all connect together, so a server that serves one at a time finds the others queued.
export function converseAtOnce(target: LoopbackTarget, payloads: readonly Buffer[], options: ConversationOptions): Promise<Conversation[]> {
  return Promise.all(payloads.map((payload) => converse(target, payload, options)));
}
