import { eventCatalog, eventTypes } from "@chronicle/contracts/catalog";
import { describe, expect, it } from "vitest";
import { latestVersionOf } from "./latest-versions.ts";

describe("latestEventVersions", () => {
  it.each(eventTypes)("matches the catalog's newest version of %s", (type) => {
    expect(latestVersionOf(type)).toBe(eventCatalog[type].version);
  });
});
