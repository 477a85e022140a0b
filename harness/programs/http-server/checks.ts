import { message } from '../../messages/translate.js';
import { calls } from '../../python/source-lines.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { type Death, statusText } from '../shared/launch.js';
import { judgeShebang, quote, withLines } from '../shared/program-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import { judgeBinds, skipped, startFailure } from '../shared/server-verdicts.js';
import type { HttpServerCheckId } from './check-ids.js';
import type { HttpLiveObservations, HttpServerObservations, MalformedObservation, StopObservation } from './observations.js';
import { garbageRequest } from './requests.js';
import { headerValue, looseStatusCodeOf, statusCodeOf } from './response.js';
import { type Answered, diedOnRequest, readRequest, rephrased } from './responses.js';
import { httpStartWording, judgeListens } from './starts.js';

type Rubric = RubricFor<'http-server'>;
type Judge = (observed: HttpServerObservations, rubric: Rubric) => CheckOutcome;

// The line of the student's file a failed check is about, when the failure is not a crash with its own line.
const involvedCall: Record<HttpServerCheckId, readonly RegExp[]> = {
  shebang: [/^/],
  starts: [/\bSOCK_DGRAM\b/],
  binds: [calls.bind],
  'status-line': [/HTTP\/1/i],
  'content-type': [/Content-Type/i, /HTTP\/1/i],
  'content-length': [/Content-Length/i, /HTTP\/1/i],
  crlf: [/HTTP\/1/i],
  closes: [/\.accept\s*\(/],
  'not-found': [/\b404\b/, /HTTP\/1/i],
  'survives-malformed': [/\.recv\s*\(/],
  stops: [/\bKeyboardInterrupt\b/],
};

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
const judges: Record<HttpServerCheckId, Judge> = {
  shebang: (observed, rubric) => judgeShebang(observed, rubric.program.shebang),

  starts: (observed) => judgeListens(observed),

  binds: (observed, rubric) => judgeBinds(observed, rubric.program.port, rubric.program.bindAddresses),

  'status-line': (observed, rubric) => withPage(observed, rubric, ({ response }) => {
    const line = quote(response.statusLine);
    const code = statusCodeOf(response.statusLine);
    if (code === undefined) return fail(message('http.status-line.malformed', { line }));
    return code === 200 ? pass(message('http.status-line.ok', { line })) : fail(message('http.status-line.wrong-code', { line, code }));
  }),

  'content-type': (observed, rubric) => withPage(observed, rubric, ({ response }) => {
    const value = headerValue(response, 'Content-Type');
    const expected = rubric.program.contentType;
    if (value === undefined) {
      const names = response.headers.map((header) => header.name).join(', ');
      return fail(message('http.content-type.missing', { names: names || message('http.headers.none') }));
    }
    const mediaType = value.split(';')[0]!.trim().toLowerCase();
    return mediaType === expected.toLowerCase()
      ? pass(message('http.content-type.ok', { value: quote(value) }))
      : fail(message('http.content-type.wrong', { value: quote(value), expected: quote(expected) }));
  }),

  'content-length': (observed, rubric) => withPage(observed, rubric, judgeContentLength),

  crlf: (observed, rubric) => withPage(observed, rubric, ({ response }) =>
    response.bareLineFeeds === 0 ? pass(message('http.crlf.ok')) : fail(message('http.crlf.bare-lf', { count: response.bareLineFeeds })),
  ),

  closes: (observed, rubric) => withPage(observed, rubric, ({ end }) => {
    if (end === 'deadline') return fail(message('http.closes.open', { ms: rubric.timeouts.replyMs }));
    if (end === 'byte-cap') return fail(message('http.closes.too-long', { bytes: rubric.program.maxResponseBytes }));
    return pass(message('http.closes.ok'));
  }),

  'not-found': (observed, rubric) => withLive(observed, (live) => {
    const path = rubric.program.missingPath;
    const read = readRequest(live.missing, rubric.timeouts.replyMs);
    if (read.kind === 'unanswered') return rephrased(read.outcome, (why) => message('http.not-found.no-response', { path, why }));
    const line = quote(read.response.statusLine);
    const code = statusCodeOf(read.response.statusLine) ?? looseStatusCodeOf(read.response.statusLine);
    if (code !== 404) return fail(message('http.not-found.wrong-code', { path, line }));
    return read.response.body?.length ? pass(message('http.not-found.ok', { path, line })) : fail(message('http.not-found.no-body', { path, line }));
  }),

  'survives-malformed': (observed, rubric) => withLive(observed, (live) => judgeSurvives(live.malformed, rubric)),

  stops: (observed) => withLive(observed, (live) => judgeStop(live.stop)),
};

export const httpServerChecks: Record<HttpServerCheckId, Judge> = withLines(judges, involvedCall);

// Content-Length is the body's length in bytes; when it is the length in characters, say so.
function judgeContentLength({ response, received }: Answered): CheckOutcome {
  const { body } = response;
  if (!body) return fail(message('http.no-head-end', { bytes: received.length }));
  const value = headerValue(response, 'Content-Length');
  const bytes = body.length;
  if (value === undefined) return fail(message('http.content-length.missing', { bytes }));
  if (!/^\d+$/.test(value)) return fail(message('http.content-length.not-a-number', { value: quote(value), bytes }));
  const length = Number(value);
  if (length === bytes) return pass(message('http.content-length.ok', { length }));
  // Python's len(str) counts code points, as the spread does.
  const characters = [...body.toString('utf8')].length;
  return characters === length && characters !== bytes
    ? fail(message('http.content-length.characters', { length, bytes }))
    : fail(message('http.content-length.wrong', { length, bytes }));
}

// After garbage and an empty connection, the page is still served: a death on either names the request.
function judgeSurvives(malformed: MalformedObservation, rubric: Rubric): CheckOutcome {
  const { garbage, empty, after } = malformed;
  if (garbage.kind === 'server-gone') return serverGone(garbage.death);
  if (garbage.death) return diedOnRequest(garbage.death, 'http.survives.died-on-garbage', { garbage: quote(garbageRequest.toString('latin1')) });
  if (empty.kind === 'exchanged' && empty.death) return diedOnRequest(empty.death, 'http.survives.died-on-empty');
  const path = rubric.program.homePath;
  const read = readRequest(after, rubric.timeouts.replyMs);
  if (read.kind === 'unanswered') return rephrased(read.outcome, (why) => message('http.survives.no-answer', { path, why }));
  return pass(message('http.survives.ok', { garbage: quote(garbageRequest.toString('latin1')) }));
}

// Ctrl+C stops the server within the grace period, however it exits (a KeyboardInterrupt traceback is fine).
function judgeStop(stop: StopObservation): CheckOutcome {
  if (stop.kind === 'no-relaunch') return fail(message('http.stops.no-relaunch', { why: startFailure(stop.start, httpStartWording) }));
  const again = stop.relaunched ? message('stops-cleanly.again') : '';
  if (stop.kind === 'already-dead') return fail(message('http.stops.already-dead', { status: statusText(stop.death), again }));
  if (stop.kind === 'ignored') return fail(message('stops-cleanly.ignored', { seconds: stop.graceMs / 1000, again }));
  return pass(message('http.stops.ok', { again }));
}

// Checks about the page (GET of the home path): what came back, or why nothing did.
function withPage(observed: HttpServerObservations, rubric: Rubric, judge: (answered: Answered) => CheckOutcome): CheckOutcome {
  return withLive(observed, (live) => {
    const read = readRequest(live.home, rubric.timeouts.replyMs);
    return read.kind === 'answered' ? judge(read) : read.outcome;
  });
}

// Checks that need a server listening on loopback: anything else fails with the reason they could not run.
function withLive(observed: HttpServerObservations, judge: (live: HttpLiveObservations) => CheckOutcome): CheckOutcome {
  if (observed.kind !== 'ran') return blocked(skipped(observed));
  if (observed.start.kind === 'unreachable') return blocked(message('skipped.unreachable'));
  if (!observed.live) return blocked(message('skipped.not-started'));
  return judge(observed.live);
}

// The server had stopped on an earlier request (the unknown path): nothing malformed was sent.
function serverGone(death: Death): CheckOutcome {
  return blocked(message('skipped.server-stopped', { status: statusText(death) }));
}
