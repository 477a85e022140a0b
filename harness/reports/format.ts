import type { Lang, LocalizedText } from '../rubric/schema.js';
import { fill } from '../messages/translate.js';
import { reportLabels, type ReportLabel } from '../messages/report-labels.js';

// Small formatting helpers shared by the reporters.

export function label(key: ReportLabel, lang: Lang, params: Record<string, string | number> = {}): string {
  return fill(reportLabels[key][lang], params, lang);
}

export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

// 17,5 in French, 17.5 in English: at most two decimals, none for whole numbers. By hand rather than with
// Intl.NumberFormat, whose first use loads ICU's number data (~10 ms, at the end of every run).
export function points(value: number, lang: Lang): string {
  // Rounded on the decimal digits, as Intl rounds (1.005 → 1.01), not on the binary value (1.00499…).
  const text = String(Number(`${Math.round(Number(`${value.toFixed(6)}e2`))}e-2`));
  return lang === 'fr' ? text.replace('.', ',') : text;
}

export function scoreText(score: number, maxScore: number, lang: Lang): string {
  return `${points(score, lang)}/${points(maxScore, lang)}`;
}

export const mark = (passed: boolean): string => (passed ? '✅' : '❌');

// French puts a space before a colon, English does not.
export const colon = (lang: Lang): string => (lang === 'fr' ? ' :' : ':');
