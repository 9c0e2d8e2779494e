#!/usr/bin/env node
// Runs before `npm start` and `npm test` so that a fresh clone needs no separate
// install step. It uses only Node built-ins because nothing else exists yet.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const hiddenLockfile = join(root, "node_modules", ".package-lock.json");

function manifestsNewerThan(time) {
  const manifests = [join(root, "package.json"), join(root, "package-lock.json")];
  for (const group of ["apps", "packages", "tooling"]) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) manifests.push(join(dir, name, "package.json"));
  }
  // Patches to dependencies (patch-package, applied by the root postinstall) count too.
  const patches = join(root, "patches");
  if (existsSync(patches)) for (const name of readdirSync(patches)) manifests.push(join(patches, name));
  return manifests.some((file) => existsSync(file) && statSync(file).mtimeMs > time);
}

const isInstalled = existsSync(hiddenLockfile) && !manifestsNewerThan(statSync(hiddenLockfile).mtimeMs);

if (!isInstalled) {
  const command = existsSync(join(root, "package-lock.json")) ? "npm ci" : "npm install";
  console.log(`[chronicle] dependencies are missing or stale; running \`${command}\`…`);
  try {
    execSync(command, { cwd: root, stdio: "inherit" });
  } catch {
    console.error(`[chronicle] \`${command}\` failed; fix the error above and run the command again.`);
    process.exit(1);
  }
}
