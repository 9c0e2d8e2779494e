import { z } from "zod";

/**
 * Fractions and scores end up in PostgreSQL float4 (real) columns, which cannot hold a
 * magnitude below about 1e-38: 1e-240 fails the insert with SQLSTATE 22003 and took the
 * whole request with it. Such a value is refused on its own instead; 0 stays valid.
 */
export const MIN_STORABLE_MAGNITUDE = 1e-6;

export function storableNumber(min: number, max: number) {
  return z
    .number()
    .min(min)
    .max(max)
    .refine((value) => value === 0 || Math.abs(value) >= MIN_STORABLE_MAGNITUDE, { error: `must be 0 or at least ${MIN_STORABLE_MAGNITUDE} in size` });
}
