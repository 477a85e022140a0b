import { describe, expect, it } from 'vitest';
import { parseLsof } from './lsof-sockets.js';

// Real `lsof -F pftPnT` output (Linux lsof 4.95): a UDP server, a connected UDP socket, a TCP listener, a wildcard.
const output = [
  'p5248',
  'f3', 'tIPv4', 'PUDP', 'n127.0.0.1:45803', 'TQR=0', 'TQS=0',
  'f4', 'tIPv4', 'PUDP', 'n127.0.0.1:46010->127.0.0.1:9', 'TQR=0', 'TQS=0',
  'f5', 'tIPv6', 'PTCP', 'n[::1]:38873', 'TST=LISTEN', 'TQR=0', 'TQS=0',
  'f6', 'tIPv6', 'PUDP', 'n*:35095', 'TQR=0', 'TQS=0',
].join('\n');

describe('parseLsof', () => {
  it('reads sockets as /proc would report them', () => {
    expect(parseLsof(output)).toEqual([
      { table: 'udp', family: 4, address: '127.0.0.1', port: 45803, state: 0x07, pid: 5248 },
      { table: 'udp', family: 4, address: '127.0.0.1', port: 46010, state: 0x01, pid: 5248 },
      { table: 'tcp6', family: 6, address: '::1', port: 38873, state: 0x0a, pid: 5248 },
      { table: 'udp6', family: 6, address: '::', port: 35095, state: 0x07, pid: 5248 },
    ]);
  });
});
