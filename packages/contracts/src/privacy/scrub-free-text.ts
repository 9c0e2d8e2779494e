import { z } from "zod";
import { MAX_FREE_TEXT_CHARS } from "../limits.ts";

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Eight or more digits with the usual phone separators, optionally led by +.
const phonePattern = /\+?\(?\d(?:[\s().-]*\d){7,}/g;
const longDigitRunPattern = /\d{6,}/g;

/** JSON Schema keyword that marks a free-text field and its character cap. */
export const FREE_TEXT_MAX_CHARS_KEY = "x-free-text-max-chars";

/**
 * Removes what could identify a person from user-typed text: e-mail addresses,
 * phone numbers and long digit runs (ids, card numbers), then caps the length.
 */
export function scrubFreeText(text: string, maxChars = MAX_FREE_TEXT_CHARS): string {
  const scrubbed = text
    .replace(emailPattern, "[email]")
    .replace(phonePattern, "[phone]")
    .replace(longDigitRunPattern, "[number]");
  return Array.from(scrubbed).slice(0, maxChars).join("");
}

/** A free-text field: accepted at any length within the payload limit, stored scrubbed and capped. */
export function freeText(maxChars = MAX_FREE_TEXT_CHARS) {
  // The metadata survives into the JSON Schema, where the tracking plan reads it.
  return z
    .string()
    .meta({ description: `Free text, scrubbed and capped at ${maxChars} characters.`, [FREE_TEXT_MAX_CHARS_KEY]: maxChars })
    .transform((text) => scrubFreeText(text, maxChars));
}
