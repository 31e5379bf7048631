import { z } from 'zod';
import { GUID } from '../domain';

/**
 * Raised when the environment cannot configure the server. Its message lists
 * every variable at fault, each with what to do, so one restart fixes them all.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Partner Pathway cannot start: ${problems.length === 1 ? '1 setting needs' : `${problems.length} settings need`} fixing.\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** The variables of a schema that are set. Unset and blank are the same: Teams Toolkit's env files leave unknown values blank. */
export function present<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): Partial<Record<keyof z.infer<S>, string>> {
  const variables: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = env[name]?.trim();
    if (value) variables[name] = value;
  }
  return variables as Partial<Record<keyof z.infer<S>, string>>;
}

/**
 * A whole number from `min` to `max`, `fallback` when unset. A wrong value is
 * reported as not being what `meaning` says (such as "a port number"), or,
 * without one, as not being a whole number in the range.
 */
export function wholeNumber(name: string, min: number, max: number, fallback: number, meaning?: string) {
  return z
    .string()
    .default(String(fallback))
    .refine((value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max, {
      error: (issue) =>
        meaning
          ? `${name}: "${String(issue.input)}" is not ${meaning}. Set a whole number from ${min} to ${max}, or leave it unset for ${fallback}.`
          : `${name}: "${String(issue.input)}" is not a whole number from ${min} to ${max}. Set one, or leave it unset for ${fallback}.`,
    })
    .transform(Number);
}

/** An optional GUID; a wrong value is reported with what to set (`where`). */
export function guid(name: string, where: string) {
  return z
    .string()
    .regex(GUID, {
      error: (issue) => `${name}: "${String(issue.input)}" is not a GUID like 00000000-0000-0000-0000-000000000000. Set ${where}.`,
    })
    .optional();
}

/** An optional true or false. */
export function flag(name: string) {
  return z
    .enum(['true', 'false'], {
      error: (issue) => `${name}: "${String(issue.input)}" is not true or false. Set true, false, or leave it unset.`,
    })
    .transform((value) => value === 'true')
    .optional();
}
