import { message } from '../../messages/translate.js';
import { type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import type { RubricFor } from '../shared/rubric.js';
import type { RttClientRun } from './observations.js';
import { echoDelays, type RelayPlan } from './relay-plan.js';
import { readSummary, type RttFigures } from './summary.js';

type Rubric = RubricFor<'udp-rtt-client'>;

interface Range {
  readonly low: number;
  readonly high: number;
}

// The printed RTT min/avg/max, in ms, agree with the delays the grader's server injected. Each RTT is at
// least its echo's delay, so the lower bounds are exact (minus timer and print rounding); a loaded machine
// only adds time, so the upper bounds get generous slack (and max can be anything below the timeout).
export function judgeRttFigures(run: RttClientRun, rubric: Rubric, plan: RelayPlan): CheckOutcome {
  const { labels, timeoutMs, tolerances } = rubric.program;
  const printed = readSummary(run.stdout, labels).rtt;
  if (!printed) return fail(message('rtt.rtt.missing', { label: JSON.stringify(labels.rtt) }));
  const delays = echoDelays(plan, run.pings.length);
  const expected = { min: Math.min(...delays), avg: delays.reduce((sum, d) => sum + d, 0) / delays.length, max: Math.max(...delays) };
  const ranges = {
    min: { low: expected.min - tolerances.earlyMs, high: expected.min + tolerances.lateMs },
    avg: { low: expected.avg - tolerances.earlyMs, high: expected.avg + tolerances.lateMs },
    max: { low: expected.max - tolerances.earlyMs, high: timeoutMs + tolerances.lateMs },
  };
  const about = figures(expected);
  if (fits(printed, ranges, 1)) return pass(message('rtt.rtt.ok', { expected: about }));
  const unit = fits(printed, ranges, 1000) ? message('rtt.rtt.seconds') : fits(printed, ranges, 1 / 1000) ? message('rtt.rtt.microseconds') : '';
  // Which figures are off, not their values: a message never depends on measured times.
  const off = (['min', 'avg', 'max'] as const).filter((key) => !fits(printed, ranges, 1, [key])).join(', ');
  const params = {
    label: labels.rtt,
    off,
    expected: about,
    minRange: range(ranges.min),
    avgRange: range(ranges.avg),
    maxRange: range(ranges.max),
    unit,
  };
  return fail(message('rtt.rtt.wrong', params));
}

type Figure = 'min' | 'avg' | 'max';

function fits(printed: RttFigures, ranges: Record<Figure, Range>, scale: number, keys: readonly Figure[] = ['min', 'avg', 'max']): boolean {
  return keys.every((key) => printed[key] * scale >= ranges[key].low && printed[key] * scale <= ranges[key].high);
}

function figures(values: Record<Figure, number>): string {
  return [values.min, values.avg, values.max].map(round).join('/');
}

function range({ low, high }: Range): string {
  return `${round(low)}–${round(high)}`;
}

function round(value: number): number {
  return Number(value.toFixed(1));
}
