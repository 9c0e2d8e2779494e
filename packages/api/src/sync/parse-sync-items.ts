import { findUnsafeInput, syncItem, syncItemType, toEventIssues, type SyncItemResult } from "@chronicle/contracts";
import type { z } from "zod";

type ParsedItem = z.output<typeof syncItem>;
export type ProgressItem = Extract<ParsedItem, { itemType: "progress" }>;
export type AssessmentItem = Extract<ParsedItem, { itemType: "assessment" }>;

export interface Indexed<T> {
  index: number;
  item: T;
}

export interface SortedSyncItems {
  /** Envelope events, still raw: the ingest pipeline validates them one by one. */
  events: Indexed<unknown>[];
  progress: Indexed<ProgressItem>[];
  assessments: Indexed<AssessmentItem>[];
  /** Items that match no sync item shape, with the raw item kept for quarantine. */
  invalid: { result: SyncItemResult; raw: unknown }[];
}

function itemTypeOf(raw: unknown) {
  const type = typeof raw === "object" && raw !== null && "itemType" in raw ? syncItemType.safeParse(raw.itemType) : null;
  return type?.success ? type.data : null;
}

/** Checks every item against seed 001's item shapes on its own, so one bad item never sinks its batch. */
export function sortSyncItems(items: readonly unknown[]): SortedSyncItems {
  const sorted: SortedSyncItems = { events: [], progress: [], assessments: [], invalid: [] };
  items.forEach((raw, index) => {
    // A string PostgreSQL cannot store fails this item alone, with its own code, before any shape check.
    const unsafe = findUnsafeInput(raw);
    if (unsafe) {
      const message = `The item's ${unsafe.path} ${unsafe.message}.`;
      const result: SyncItemResult = { index, itemType: itemTypeOf(raw), status: "failed", code: "invalid_string", message, issues: [{ path: unsafe.path, message: unsafe.message }] };
      return void sorted.invalid.push({ result, raw });
    }
    const parsed = syncItem.safeParse(raw);
    if (!parsed.success) {
      const itemType = itemTypeOf(raw);
      const result: SyncItemResult = itemType
        ? { index, itemType, status: "failed", code: "invalid_payload", message: `The ${itemType} item does not match its schema.`, issues: toEventIssues(parsed.error) }
        : { index, itemType: null, status: "failed", code: "invalid_envelope", message: "The item names no itemType of event, progress or assessment.", issues: toEventIssues(parsed.error) };
      return void sorted.invalid.push({ result, raw });
    }
    const item = parsed.data;
    if (item.itemType === "event") sorted.events.push({ index, item: item.itemData });
    else if (item.itemType === "progress") sorted.progress.push({ index, item });
    else sorted.assessments.push({ index, item });
  });
  return sorted;
}
