import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { artifactPaths, renderArtifacts, type ArtifactName } from "./artifacts.ts";
import { renderTrackingPlan } from "./tracking-plan.ts";
import { eventTypes } from "./index.ts";

// This test sits in packages/contracts/src/catalog, four levels below the repository root.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

function committed(name: ArtifactName): string | null {
  try {
    return readFileSync(resolve(repoRoot, artifactPaths[name]), "utf8");
  } catch {
    return null;
  }
}

describe("generated artefacts", () => {
  const fresh = renderArtifacts();

  it.each(Object.keys(fresh) as ArtifactName[])("%s matches what the generator produces now", (name) => {
    const isCurrent = committed(name) === fresh[name];
    expect(isCurrent, `${artifactPaths[name]} is stale: run \`npm run generate -w @chronicle/contracts\``).toBe(true);
  });

  it("renders the same text twice", () => {
    expect(renderArtifacts()).toEqual(fresh);
  });

  it("lists every event type of the catalog and every counter event", () => {
    const plan = renderTrackingPlan();
    for (const type of [...eventTypes, "suggestion_undo", "embeddings_opt_out"]) {
      expect(plan).toContain(`| \`${type}\` |`);
    }
  });
});
