import { type Message, message } from '../../messages/translate.js';
import type { ExchangeEnd } from '../../probes/http.js';
import { blocked, type CheckOutcome, fail } from '../../scoring/outcome.js';
import { type Death, errorText, statusText } from '../shared/launch.js';
import type { RequestObservation } from './observations.js';
import { parseResponse, type ParsedResponse } from './response.js';

// A request's observation, read as an HTTP response when something came back, else the verdict that says
// why nothing did (refused, silent, the server died on it, or it had stopped before).

export interface Answered {
  readonly kind: 'answered';
  readonly response: ParsedResponse;
  readonly received: Buffer;
  readonly end: ExchangeEnd;
}

export type ReadRequest = Answered | { readonly kind: 'unanswered'; readonly outcome: CheckOutcome };

export function readRequest(request: RequestObservation, deadlineMs: number): ReadRequest {
  if (request.kind === 'server-gone') return unanswered(blocked(message('skipped.server-stopped', { status: statusText(request.death) })));
  const { exchange, death } = request;
  if (exchange.kind === 'connected' && exchange.received.length > 0) {
    return { kind: 'answered', response: parseResponse(exchange.received), received: exchange.received, end: exchange.end };
  }
  if (death) return unanswered(diedOnRequest(death));
  if (exchange.kind === 'refused') return unanswered(fail(message('http.refused', { code: exchange.code })));
  return unanswered(fail(silence(exchange.end, deadlineMs)));
}

// The server died on a request: the Python error and its line when there is one.
export function diedOnRequest(death: Death, key: 'http.died' | 'http.survives.died-on-garbage' | 'http.survives.died-on-empty' = 'http.died',
  params: Record<string, string> = {},
): CheckOutcome {
  const reason = message(key, { ...params, status: statusText(death), error: errorText(death) });
  return death.error ? fail(reason, { kind: 'python-error', error: death.error }) : fail(reason);
}

// The same failure with its reason wrapped in a sentence of the check's own (its evidence kept).
export function rephrased(outcome: CheckOutcome, wrap: (why: Message) => Message): CheckOutcome {
  return outcome.blocked ? outcome : { ...outcome, reason: wrap(outcome.reason) };
}

function silence(end: ExchangeEnd, deadlineMs: number): Message {
  if (end === 'closed') return message('http.silent-closed');
  if (end === 'reset') return message('http.silent-reset');
  return message('http.silent-open', { ms: deadlineMs });
}

function unanswered(outcome: CheckOutcome): ReadRequest {
  return { kind: 'unanswered', outcome };
}
