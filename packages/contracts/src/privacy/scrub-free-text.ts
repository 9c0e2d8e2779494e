import { z } from "zod";
import { MAX_FREE_TEXT_CHARS } from "../limits.ts";

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Eight or more digits with the usual phone separators, optionally led by +.
const phonePattern = /\+?\(?\d(?:[\s().-]*\d){7,}/g;
const longDigitRunPattern = /\d{6,}/g;

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
  return z.string().transform((text) => scrubFreeText(text, maxChars));
}
