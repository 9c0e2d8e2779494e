#!/usr/bin/env node
// The CLI runs Chronicle's TypeScript sources directly: tsx compiles them on load,
// so there is no build step between a clone and `npx chronicle`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
