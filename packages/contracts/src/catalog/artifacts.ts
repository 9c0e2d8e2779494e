import { catalogJsonSchema } from "./json-schema.ts";
import { renderTrackingPlan } from "./tracking-plan.ts";

/** Where each generated file lives, relative to the repository root. */
export const artifactPaths = {
  trackingPlan: "docs/tracking-plan.md",
  catalogSchema: "packages/contracts/generated/catalog.schema.json",
} as const;

export type ArtifactName = keyof typeof artifactPaths;

/** The exact bytes of every generated file; the same catalog always renders the same text. */
export function renderArtifacts(): Record<ArtifactName, string> {
  return {
    trackingPlan: renderTrackingPlan(),
    catalogSchema: `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`,
  };
}
