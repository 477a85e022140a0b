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

// One formatter per language: building an Intl.NumberFormat costs ~1 ms, and reports call this per check.
const formatters = new Map<Lang, Intl.NumberFormat>();

// 17,5 in French, 17.5 in English; whole numbers without decimals.
export function points(value: number, lang: Lang): string {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 2 });
    formatters.set(lang, formatter);
  }
  return formatter.format(value);
}

export function scoreText(score: number, maxScore: number, lang: Lang): string {
  return `${points(score, lang)}/${points(maxScore, lang)}`;
}

export const mark = (passed: boolean): string => (passed ? '✅' : '❌');

// French puts a space before a colon, English does not.
export const colon = (lang: Lang): string => (lang === 'fr' ? ' :' : ':');
