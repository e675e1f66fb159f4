/**
 * The product catalogue the warranty desk works from: what a product is called, how many months its warranty
 * runs, and optionally what its serial numbers look like. Held on the hub and synced to every desk that works
 * warranty claims; directors keep it. One definition for the desk's API, its CSV/XLSX import, the sync
 * protocol and the hub.
 */
import { z } from 'zod';
import { line } from '../text/schemas.ts';

/** A stock-keeping unit: letters, digits and . _ - only, so it reads the same in a spreadsheet and an email. */
export const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_WARRANTY_MONTHS = 240;

/**
 * A serial pattern as a director writes it, not a regular expression (which could be made to run for minutes):
 * `9` a digit, `A` a letter, `?` a letter or digit, `*` (once at most) any run of them; everything else stands for itself.
 * `NR-9999AA` matches NR-1234AB.
 */
export const SERIAL_PATTERN = /^[A-Za-z0-9 ._/*?-]{1,50}$/;

/** Whether a serial fits a pattern; case is ignored, as people type serials either way. */
export function serialFits(serial: string, pattern: string): boolean {
  const source = [...pattern]
    .map((c) => {
      if (c === '9') return '[0-9]';
      if (c === 'A' || c === 'a') return '[A-Za-z]';
      if (c === '?') return '[A-Za-z0-9]';
      if (c === '*') return '[A-Za-z0-9]*';
      return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  // Fixed-width classes and at most one star (ProductFields refuses more): linear to match, whatever was typed.
  return new RegExp(`^${source}$`, 'i').test(serial.trim());
}

export const ProductFields = z
  .object({
    sku: z.string().trim().regex(SKU, 'must be a code of letters, digits and . _ - (up to 64)'),
    name: line(200),
    warrantyMonths: z.number().int().min(0).max(MAX_WARRANTY_MONTHS, `must be at most ${MAX_WARRANTY_MONTHS} months`),
    serialPattern: z
      .string()
      .trim()
      .regex(SERIAL_PATTERN, 'must use 9, A, ?, * and plain characters only (up to 50)')
      .refine((p) => p.split('*').length <= 2, 'may hold * once at most')
      .nullable(),
    /** A product no longer sold stays for the claims that name it, marked inactive. */
    active: z.boolean(),
  })
  .strict();
export type ProductFields = z.infer<typeof ProductFields>;

export interface Product extends ProductFields {
  id: string;
  version: number;
  updatedAt: number;
}
