import { counterCount, counterEventDescriptions, counterEventNames } from "../api/counters.ts";
import * as limits from "../limits.ts";
import { MAX_TIMESTAMP_EXCLUSIVE, MIN_TIMESTAMP } from "../shapes/bounded-timestamp.ts";
import { stringKinds } from "../shapes/string-shapes.ts";
import { describeJsonSchema } from "./describe-json-schema.ts";
import { defaultRetentionDays, eventFamilies, type EventSpec, type RetentionClass } from "./event-spec.ts";
import { eventCatalog, eventTypes } from "./index.ts";
import { payloadJsonSchema, type JsonSchema } from "./json-schema.ts";

interface PlanRow {
  event: string;
  version: string;
  emitters: readonly string[];
  privacy: string;
  retention: RetentionClass;
  description: string;
  fields: string[];
}

const familyIntros: Record<string, string> = {
  exam: "Seed 000: the exam-prep test player. Envelope question_id is required where marked.",
  study: "Seed 002: the study app — sessions, materials, practice questions, AI coach, gamification, search.",
  game: "Seed 003: educational-game telemetry sent by game servers; every payload carries game_version.",
  sync: "Seed 001: events captured by the offline-capable client and synced later (camelCase fields).",
  counter:
    "Seed 004: privacy-safe counters sent to telemetry.counter, not in the event envelope. Only viewer, event and time are stored; count is clamped, never refused.",
};

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Already-escaped type descriptions keep their `\|`; only free-form text is escaped here. */
function fieldLines(schema: JsonSchema): string[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).map(
    ([name, child]) => `\`${name}\`${required.has(name) ? "" : " (optional)"}: ${describeJsonSchema(child)}`,
  );
}

function catalogRow(event: string, spec: EventSpec): PlanRow {
  const older = Object.keys(spec.previous ?? {}).map((version) => `v${version}`);
  const question = spec.requiresQuestion === true ? " Needs envelope question_id." : "";
  return {
    event,
    version: older.length > 0 ? `${spec.version} (upcasts ${older.join(", ")})` : String(spec.version),
    emitters: spec.emitters,
    privacy: spec.privacy,
    retention: spec.retention,
    description: spec.description + question,
    fields: fieldLines(payloadJsonSchema(spec.payload)),
  };
}

function counterRows(): PlanRow[] {
  const count = describeJsonSchema(payloadJsonSchema(counterCount));
  return counterEventNames.map((event) => ({
    event,
    version: "1",
    emitters: ["client"],
    privacy: "count-only",
    retention: "thirty_days",
    description: counterEventDescriptions[event],
    fields: [
      `\`event\`: ${JSON.stringify(event)}`,
      `\`count\` (optional): ${count}, clamped to ${limits.MIN_COUNTER_COUNT}..${limits.MAX_COUNTER_COUNT}`,
    ],
  }));
}

function renderTable(rows: PlanRow[]): string[] {
  const lines = [
    "| Event | Version | Emitters | Privacy | Retention | Description | Fields |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const row of rows) {
    const fields = row.fields.length > 0 ? row.fields.join("<br>") : "(none)";
    const days = defaultRetentionDays[row.retention];
    const retention = `${row.retention} (${days === null ? "kept" : `${days} days`})`;
    lines.push(
      `| \`${row.event}\` | ${row.version} | ${row.emitters.join(", ")} | ${row.privacy} | ${retention} | ${escapeCell(row.description)} | ${fields} |`,
    );
  }
  return lines;
}

function renderLimits(): string[] {
  // Sorted by name: module namespaces are not ordered the same way by every loader (tsx, vite).
  const numeric = Object.entries(limits)
    .flatMap(([name, value]) => (typeof value === "number" ? [[name, value] as const] : []))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return ["| Limit | Value |", "| --- | --- |", ...numeric.map(([name, value]) => `| \`${name}\` | ${value} |`)];
}

/**
 * The human-readable tracking plan, derived from the zod schemas so it cannot drift
 * from what the server accepts. Written to docs/tracking-plan.md by `npm run generate`.
 */
export function renderTrackingPlan(): string {
  const lines = [
    "# Chronicle tracking plan",
    "",
    "Generated from `@chronicle/contracts` by `npm run generate -w @chronicle/contracts`; do not edit by hand.",
    "",
    "Every envelope event carries envelope v1 (id, event_version, event_type, client_ts, seq, session_id, question_id, payload);",
    "user_id comes from the token and event_ts from the server. Unknown payload keys are rejected.",
    "Privacy classes: behavioural, performance, device, free_text (user-typed text, capped and scrubbed of e-mails, phones and long digit runs), count-only.",
    "",
    "## Strings and timestamps",
    "",
    "Every string field is one of two kinds. **Free text** (marked `free text ≤N chars, scrubbed`) may hold what a person typed;",
    "it is capped and scrubbed of e-mails, phone numbers, IPv4 addresses and long digit runs before storage. Every other string",
    "is **shaped**: a UUID, an ISO datetime, an enum value, or one of the kinds below, and anything outside its shape is refused.",
    "No string may contain U+0000 or an unpaired surrogate, and no key may be named `__proto__` (rejection code `invalid_string`).",
    "",
    "| Shaped kind | What it may hold |",
    "| --- | --- |",
    ...Object.entries(stringKinds).map(([kind, meaning]) => `| ${kind.replace("_", " ")} | ${escapeCell(meaning)} |`),
    "",
    `Every timestamp (client_ts, a game event's timestamp, sync times, admin filters) must lie in [${MIN_TIMESTAMP}, ${MAX_TIMESTAMP_EXCLUSIVE}),`,
    "a range PostgreSQL's timestamptz stores; outside it the event is rejected (or the request refused with 400).",
    "",
    "## Limits",
    "",
    ...renderLimits(),
  ];
  for (const family of eventFamilies) {
    const rows = eventTypes.filter((type) => eventCatalog[type].family === family).map((type) => catalogRow(type, eventCatalog[type]));
    lines.push("", `## ${family}`, "", familyIntros[family] ?? "", "", ...renderTable(rows));
  }
  lines.push("", "## counter", "", familyIntros.counter ?? "", "", ...renderTable(counterRows()), "");
  return lines.join("\n");
}
