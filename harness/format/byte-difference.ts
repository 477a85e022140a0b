import { type Message, message } from '../messages/translate.js';
import { pythonBytesLiteral } from './bytes.js';

// Says in words how a received reply differs from the expected one, for the mistakes students make.
export function explainDifference(expected: Buffer, received: Buffer): Message | undefined {
  if (received.equals(expected)) return undefined;
  const text = received.toString('latin1');
  const want = expected.toString('latin1');
  const extraAtEnd = received.subarray(0, expected.length).equals(expected) ? received.subarray(expected.length) : undefined;
  if (extraAtEnd && /^[\r\n]+$/.test(extraAtEnd.toString('latin1'))) {
    return message('difference.trailing-newline', { extra: pythonBytesLiteral(extraAtEnd).slice(2, -1) });
  }
  if (extraAtEnd) return message('difference.extra-at-end', { extra: pythonBytesLiteral(extraAtEnd) });
  if (text.trim() === want && text !== want) return message('difference.spaces');
  // str(b"...") sent instead of the bytes themselves: the reply reads b'i am the server'.
  if (text === `b'${want}'` || text === `b"${want}"`) return message('difference.bytes-repr');
  if (text.toLowerCase() === want.toLowerCase()) return message('difference.case');
  if (received.length === 0) return message('difference.empty');
  if (expected.subarray(0, received.length).equals(received)) return message('difference.truncated', { got: received.length, expected: expected.length });
  const firstDifferent = [...expected].findIndex((byte, index) => received[index] !== byte);
  return message('difference.at-byte', { index: firstDifferent < 0 ? expected.length : firstDifferent });
}
