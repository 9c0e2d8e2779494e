import { z } from "zod";
import { containsPersonalData } from "../privacy/scrub-free-text.ts";

/**
 * Privacy by shape (issue 15): every string a producer sends is either free text (scrubbed
 * and capped, see freeText) or one of these shaped kinds. A shape admits only what the kind
 * needs, so an e-mail, a phone number or an IP address cannot ride in an id or a label.
 */
export const STRING_KIND_KEY = "x-string-kind";

export const stringKinds = {
  identifier: "An identifier: letters, digits and single . _ : - separators; no e-mail, phone, IP or long number.",
  label: "A short label: letters, digits, spaces and . _ ' & / - : , ( ) inside; no e-mail, phone, IP or long number.",
  version: "A version such as 1.4.0 or 2.0.0-beta.1.",
  time_zone: "An IANA time zone the server's runtime knows (Europe/Madrid, UTC).",
  event_type: "An event type name: a letter, then letters, digits and _.",
  cursor: "An opaque cursor or position that Chronicle itself handed out.",
  number_text: "A number written as text (seed 004 counters); only the parsed number is kept.",
  search_query: "What an admin types to find something; used for the lookup, stored only scrubbed in the audit log.",
  display_name: "A learner's name registered by the host product (personal data on purpose): only in learner_display_names, removed on erasure.",
  field_name: "A payload field name; the event type's schema refuses every name it does not list.",
  signed_token: "A signed token in compact JWT form (an OpenID provider's ID token): its signature is verified and it is never stored.",
} as const;
export type StringKind = keyof typeof stringKinds;

const uuidInside = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/**
 * Whether `text` can hold anything containsPersonalData looks for: every pattern needs an "@"
 * (an e-mail) or at least four ASCII digits (an IPv4 address; phone numbers and long numbers
 * need more). Most shaped strings (help_friend, mission-alpha) have neither, and this one pass
 * spares them the four regex replacements, which ran several times for every game event.
 */
function mayHoldPersonalData(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x40) return true;
    if (code >= 0x30 && code <= 0x39 && ++digits >= 4) return true;
  }
  return false;
}

// An embedded UUID (`sync-<uuid>`) is an id, not a phone number, even when its digits line up.
const looksPersonal = (text: string) => mayHoldPersonalData(text) && containsPersonalData(text.replace(uuidInside, "u"));
const personalDataError = "must not contain an e-mail address, phone number, IP address or long number";

/** The JSON Schema metadata that marks a string's kind, for a schema built by hand. */
export function stringKindMeta(name: StringKind) {
  return { [STRING_KIND_KEY]: name, description: stringKinds[name] };
}

function kind<S extends z.ZodType>(schema: S, name: StringKind): S {
  return schema.meta(stringKindMeta(name));
}

/** Ids a producer chooses: mission, task, message, batch, entity and assessment ids, choices. */
export function identifier(maxChars = 100) {
  return kind(
    z
      .string()
      .min(1)
      .max(maxChars)
      .regex(/^[A-Za-z0-9]+(?:[._:-][A-Za-z0-9]+)*$/, { error: "must be letters and digits, optionally joined by single . _ : or -" })
      .refine((text) => !looksPersonal(text), { error: personalDataError }),
    "identifier",
  );
}

/** Short human-readable labels from a fixed vocabulary of the producer: weak areas, answers, mission names. */
export function label(maxChars = 64) {
  return kind(
    z
      .string()
      .min(1)
      .max(maxChars)
      // Topic and subject names read naturally with a colon or brackets ("Physics: Mechanics").
      .regex(/^[\p{L}\p{N}](?:[\p{L}\p{N} _.'&/:,()-]*[\p{L}\p{N})])?$/u, {
        error: "must be letters, digits and spaces (with . _ ' & / - : , ( ) inside), starting with a letter or digit and ending with one or ')'",
      })
      .refine((text) => !looksPersonal(text), { error: personalDataError }),
    "label",
  );
}

/** A producer's software version. */
export function version() {
  return kind(
    z
      .string()
      .min(1)
      .max(20)
      .regex(/^v?\d{1,6}(?:\.\d{1,6}){0,2}(?:[-+][0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?$/, { error: "must be a version such as 1.4.0 or 2.0.0-beta.1" })
      .refine((text) => !looksPersonal(text), { error: personalDataError }),
    "version",
  );
}

let knownTimeZones: ReadonlySet<string> | null = null;
function timeZones(): ReadonlySet<string> {
  knownTimeZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"]);
  return knownTimeZones;
}

/** An IANA time zone from the runtime's own list. */
export function timeZone() {
  return kind(
    z
      .string()
      .min(1)
      .max(64)
      .refine((text) => timeZones().has(text), { error: "must be an IANA time zone such as Europe/Madrid or UTC" }),
    "time_zone",
  );
}

/** An event type name; whether it is in the catalog is checked separately, with its own code. */
export function eventTypeName() {
  return kind(z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: "must be an event type name (letters, digits and _)" }), "event_type");
}

/** An opaque value Chronicle handed out (a page cursor, an SSE id); checked again where it is decoded. */
export function cursor(pattern: RegExp, maxChars: number) {
  return kind(z.string().max(maxChars).regex(pattern, { error: "must be a value Chronicle returned earlier" }), "cursor");
}

/** A compact JWS (header.payload.signature, base64url): checked by its signature, never stored or logged. */
export function signedToken(maxChars = 16_384) {
  return kind(
    z
      .string()
      .min(1)
      .max(maxChars)
      .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { error: "must be a signed token in compact JWT form (three base64url parts)" }),
    "signed_token",
  );
}

export const MAX_FIELD_NAME_CHARS = 64;

/** A key of an envelope's payload: the payload schema of the event type lists the allowed ones. */
export function fieldName() {
  return kind(z.string().max(MAX_FIELD_NAME_CHARS), "field_name");
}
