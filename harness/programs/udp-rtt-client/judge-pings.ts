import { pythonBytesLiteral } from '../../format/bytes.js';
import { message } from '../../messages/translate.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { judgeNothingSent } from '../shared/client-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import { stoppedAtLoss } from './judge-losses.js';
import type { UdpRttClientObservations } from './observations.js';

type Rubric = RubricFor<'udp-rtt-client'>;

// The client's pings reach the server, as many as the handout asks, each distinct and carrying its number.
export function judgePings(observed: UdpRttClientObservations, rubric: Rubric): CheckOutcome {
  if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
  if (observed.kind === 'no-launcher') return fail(message('entry.no-launcher', { name: observed.entry.name }));
  const { pings, end } = observed.measured;
  const { count, port } = rubric.program;
  if (pings.length === 0) {
    return judgeNothingSent(end.kind === 'exited' ? end.death : undefined, observed.otherDestinations, port, rubric.timeouts.startupMs);
  }
  const payloads = pings.map((ping) => ping.payload);
  const second = payloads.findIndex((payload, i) => payloads.findIndex((other) => other.equals(payload)) < i);
  if (second >= 0) {
    const first = payloads.findIndex((other) => other.equals(payloads[second]!));
    return fail(message('rtt.pings.same', { first: first + 1, second: second + 1, payload: pythonBytesLiteral(payloads[second]!) }));
  }
  const unnumbered = firstUnnumbered(payloads);
  if (unnumbered !== undefined) {
    return fail(message('rtt.pings.unnumbered', { ping: unnumbered + 1, payload: pythonBytesLiteral(payloads[unnumbered]!) }));
  }
  if (pings.length === count) return pass(message('rtt.pings.ok', { count }));
  if (stoppedAtLoss(observed.measured, rubric) !== undefined) return pass(message('rtt.pings.until-loss', { sent: pings.length, count }));
  return fail(message('rtt.pings.count', { sent: pings.length, count }));
}

// The index of the first payload without its sequence number (counted from 1, or from 0 for the whole
// run) as a number of its own; undefined when every payload has it.
function firstUnnumbered(payloads: readonly Buffer[]): number | undefined {
  const numbersOf = (payload: Buffer) => (payload.toString('latin1').match(/\d+/g) ?? []).map(Number);
  const missing = (base: number) => payloads.findIndex((payload, index) => !numbersOf(payload).includes(base + index));
  const fromOne = missing(1);
  if (fromOne < 0 || missing(0) < 0) return undefined;
  return fromOne;
}
