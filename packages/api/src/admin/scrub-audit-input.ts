import { scrubFreeText } from "@chronicle/contracts";

/** Longest input_json kept in the audit log, in characters of JSON. */
export const MAX_AUDIT_INPUT_CHARS = 2000;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoTimestampPattern = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;

// Ids and timestamps are what an auditor needs to see; any other text may be typed by a person.
function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return uuidPattern.test(value) || isoTimestampPattern.test(value) ? value : scrubFreeText(value);
  if (typeof value !== "object" || value === null) return value;
  if (depth >= 5) return "[nested]";
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => scrubValue(item, depth + 1));
  return Object.fromEntries(Object.entries(value).slice(0, 50).map(([key, item]) => [scrubFreeText(key, 64), scrubValue(item, depth + 1)]));
}

/** The call's input as stored in admin_audit_log: free text scrubbed, size capped, always valid JSON. */
export function scrubAuditInput(input: unknown): unknown {
  if (input === undefined) return null;
  const scrubbed = scrubValue(input, 0);
  const json = JSON.stringify(scrubbed) ?? "null";
  return json.length <= MAX_AUDIT_INPUT_CHARS ? scrubbed : { truncated: true, preview: json.slice(0, MAX_AUDIT_INPUT_CHARS) };
}
