import { z } from "zod";
import { MAX_FREE_TEXT_CHARS } from "../limits.ts";
import { findUnsafeInput, toWellFormedText } from "../shapes/well-formed.ts";

// Bounded parts (RFC 5321 lengths) keep the scan linear: an unbounded local part made long
// letter runs without an @ quadratic, which a large rejected body could exploit.
const emailPattern = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.[\p{L}]{2,63}/gu;
// Four dotted numbers of 1–3 digits: an IPv4 address, which Chronicle never stores.
const ipv4Pattern = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/g;
// Eight or more digits with the usual phone separators, optionally led by +.
const phonePattern = /\+?\(?\d(?:[\s().-]*\d){7,}/g;
const longDigitRunPattern = /\d{6,}/g;

/** JSON Schema keyword that marks a free-text field and its character cap. */
export const FREE_TEXT_MAX_CHARS_KEY = "x-free-text-max-chars";

/** Replaces e-mail addresses, IPv4 addresses, phone numbers and long digit runs, without capping. */
export function scrubPersonalData(text: string): string {
  return text
    .replace(emailPattern, "[email]")
    .replace(ipv4Pattern, "[ip]")
    .replace(phonePattern, "[phone]")
    .replace(longDigitRunPattern, "[number]");
}

/** True when the scrubber would change the text: it holds something that looks like a person's identifier. */
export function containsPersonalData(text: string): boolean {
  return scrubPersonalData(text) !== text;
}

/**
 * Removes what could identify a person from user-typed text: e-mail addresses, IPv4
 * addresses, phone numbers and long digit runs (ids, card numbers), then caps the length.
 * The result is always storable: NUL is dropped and unpaired surrogates become U+FFFD.
 */
export function scrubFreeText(text: string, maxChars = MAX_FREE_TEXT_CHARS): string {
  return Array.from(scrubPersonalData(toWellFormedText(text))).slice(0, maxChars).join("");
}

/** A free-text field: accepted at any length within the payload limit, stored scrubbed and capped. */
export function freeText(maxChars = MAX_FREE_TEXT_CHARS) {
  // The metadata survives into the JSON Schema, where the tracking plan reads it.
  return z
    .string()
    .refine((text) => findUnsafeInput(text) === null, { error: "must be valid Unicode without NUL characters" })
    .meta({ description: `Free text, scrubbed and capped at ${maxChars} characters.`, [FREE_TEXT_MAX_CHARS_KEY]: maxChars })
    .transform((text) => scrubFreeText(text, maxChars));
}
