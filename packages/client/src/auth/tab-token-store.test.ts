import { describe, expect, it } from "vitest";
import { createTabTokenStore } from "./tab-token-store.ts";

// Node has no sessionStorage, so this also covers a browser where storage is disabled.
describe("a tab token store without storage", () => {
  it("keeps the token in memory and tells subscribers on every sign-in and sign-out", () => {
    const store = createTabTokenStore("chronicle.test.token");
    let changes = 0;
    const unsubscribe = store.subscribe(() => (changes += 1));
    expect(store.read()).toBeNull();
    store.save("token-1");
    expect(store.read()).toBe("token-1");
    store.clear();
    expect(store.read()).toBeNull();
    unsubscribe();
    store.save("token-2");
    expect(changes).toBe(2);
  });
});
