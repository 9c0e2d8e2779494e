import type { UserWorkspaceConfig } from "vitest/config";

export declare function chronicleProject(
  name: string,
  overrides?: { setupFiles?: string[]; testTimeout?: number; environment?: string },
): UserWorkspaceConfig;
