import { z } from 'zod';

/** An optional free-text form field: trimmed, at most `max` characters, and null when left empty. */
export const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be at most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));
