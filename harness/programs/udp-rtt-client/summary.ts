// The summary an RTT client prints at the end, read tolerantly: labels ignoring case, accents and spacing,
// then ":" or "=" (or nothing), then the number(s). `Envoyés : 50`, `Envoyes: 50`, `Pertes : 3 (6%)`,
// `RTT min/avg/max = 1.2/3.4/5.6 ms` and `1,2 / 3,4 / 5,6 ms` all read.

export interface SummaryLabels {
  readonly sent: string;
  readonly received: string;
  readonly lost: string;
  readonly rtt: string;
}

export interface RttFigures {
  readonly min: number;
  readonly avg: number;
  readonly max: number;
  // The unit written after the figures, when there is one ("ms", "s", "µs"…), lower case.
  readonly unit?: string;
}

export interface Summary {
  readonly sent?: number;
  readonly received?: number;
  readonly lost?: number;
  // The percentage printed on the loss line, if any.
  readonly lostPercent?: number;
  readonly rtt?: RttFigures;
}

const number = String.raw`\d+(?:[.,]\d+)?`;
const separator = String.raw`\s*[:=]?\s*`;

export function readSummary(stdout: string, labels: SummaryLabels): Summary {
  const lines = stdout.split('\n').map(fold);
  const count = (label: string) => {
    const found = afterLabel(lines, label)?.match(new RegExp(`^${separator}(${number})`));
    return found ? toNumber(found[1]!) : undefined;
  };
  const lostLine = afterLabel(lines, labels.lost);
  const percent = lostLine?.match(new RegExp(`(${number})\\s*%`));
  const rtt = readRtt(afterLabel(lines, labels.rtt));
  return {
    ...defined('sent', count(labels.sent)),
    ...defined('received', count(labels.received)),
    ...defined('lost', count(labels.lost)),
    ...defined('lostPercent', percent ? toNumber(percent[1]!) : undefined),
    ...(rtt ? { rtt } : {}),
  };
}

// Three figures separated by "/", ";", ", " or spaces, then maybe a unit.
function readRtt(rest: string | undefined): RttFigures | undefined {
  const found = rest?.match(
    new RegExp(`^${separator}(${number})\\s*(?:/|;|,\\s|\\s)\\s*(${number})\\s*(?:/|;|,\\s|\\s)\\s*(${number})\\s*([a-zµ]+)?`),
  );
  if (!found) return undefined;
  const figures = { min: toNumber(found[1]!), avg: toNumber(found[2]!), max: toNumber(found[3]!) };
  return found[4] ? { ...figures, unit: found[4] } : figures;
}

// What follows the label on the last line that has it: the summary comes after the per-ping lines.
function afterLabel(lines: readonly string[], label: string): string | undefined {
  const wanted = fold(label);
  const line = lines.findLast((candidate) => candidate.includes(wanted));
  return line?.slice(line.lastIndexOf(wanted) + wanted.length);
}

// Lower case, no accents, one space for any run of blanks: how labels are compared.
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

function defined<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
