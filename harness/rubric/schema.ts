import { z } from 'zod';
import { limitsSchema } from '../sandbox/limits-schema.js';
import { programConfig } from '../programs/configs.js';

// The shape of rubrics/*.yaml. Everything a teacher may change for a variant of the lab lives here.

export { languages, type Lang } from './languages.js';

const text = z.strictObject({ fr: z.string().min(1), en: z.string().min(1) });
const positiveMs = z.number().int().positive();

// One argv per runnable file extension; {python}, {node}, {tsx} and {entry} are filled in at launch.
const launch = z
  .record(z.string().regex(/^\.[a-z0-9]+$/, 'expected a file extension such as ".py"'), z.array(z.string().min(1)).min(1))
  .refine((table) => Object.keys(table).length > 0, 'expected at least one extension');

export const checkSchema = z.strictObject({
  id: z.string().min(1),
  points: z.number().nonnegative(),
  title: text,
  hint: text.optional(),
  // hidden: run and scored for the teacher, listed without details in a student's run (--student).
  visibility: z.enum(['visible', 'hidden']).default('visible'),
  // How much of expected vs received a student's run reveals when the check fails.
  feedback: z.enum(['full', 'actual-only', 'none']).default('full'),
});


export const rubricSchema = z.strictObject({
  title: text,
  total: z.number().positive().default(20),
  program: programConfig,
  launch,
  timeouts: z
    .strictObject({
      startupMs: positiveMs.default(5000),
      replyMs: positiveMs.default(1000),
      interruptGraceMs: positiveMs.default(2000),
    })
    .prefault({}),
  limits: limitsSchema,
  checks: z.array(checkSchema).min(1),
});

export type RubricFile = z.infer<typeof rubricSchema>;
export type TimeoutName = keyof RubricFile['timeouts'];
export type RubricCheck = z.infer<typeof checkSchema>;
export type LocalizedText = z.infer<typeof text>;

// A loaded rubric: the file's content plus the id it is known by (its file name).
export interface Rubric extends RubricFile {
  readonly id: string;
  readonly source: string;
}
