import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { artifactPaths, renderArtifacts, type ArtifactName } from "../src/catalog/artifacts.ts";

// This script sits in packages/contracts/scripts, three levels below the repository root.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const artifacts = renderArtifacts();
for (const name of Object.keys(artifacts) as ArtifactName[]) {
  const path = resolve(repoRoot, artifactPaths[name]);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, artifacts[name]);
  console.log(`wrote ${artifactPaths[name]}`);
}
