// The languages of reports and messages; apart from the rubric's schema so the CLI loads no zod for them.
export const languages = ['fr', 'en'] as const;
export type Lang = (typeof languages)[number];
