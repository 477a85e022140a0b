import type { Lang } from '../rubric/schema.js';
import { type MessageKey, sentence } from './catalog.js';

// A sentence to be written later, in whichever language the output asks for.
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number | Message>>;
}

export function message(key: MessageKey, params?: Message['params']): Message {
  return params ? { key, params } : { key };
}

export function translate(msg: Message, lang: Lang): string {
  return fill(sentence(msg.key)[lang], msg.params ?? {}, lang);
}

export function fill(template: string, params: Message['params'] & object, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? translate(value, lang) : String(value);
  });
}
