import { afterEach, describe, expect, it, vi } from "vitest";
import { listenForPageHide } from "./listen-for-page-hide.ts";

/** Just enough of `document` and `window` for the listeners; the tests run in Node. */
function stubBrowser() {
  const document = Object.assign(new EventTarget(), { visibilityState: "visible" as DocumentVisibilityState });
  const window = new EventTarget();
  vi.stubGlobal("document", document);
  vi.stubGlobal("addEventListener", window.addEventListener.bind(window));
  vi.stubGlobal("removeEventListener", window.removeEventListener.bind(window));
  return { document, window };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("listenForPageHide", () => {
  it("fires when the page becomes hidden or is hidden for good", () => {
    const { document, window } = stubBrowser();
    const onHide = vi.fn();
    listenForPageHide(onHide);

    document.dispatchEvent(new Event("visibilitychange"));
    expect(onHide).not.toHaveBeenCalled();

    document.visibilityState = "hidden";
    document.dispatchEvent(new Event("visibilitychange"));
    window.dispatchEvent(new Event("pagehide"));
    expect(onHide).toHaveBeenCalledTimes(2);
  });

  it("stops firing once removed", () => {
    const { document, window } = stubBrowser();
    const onHide = vi.fn();
    listenForPageHide(onHide)();

    document.visibilityState = "hidden";
    document.dispatchEvent(new Event("visibilitychange"));
    window.dispatchEvent(new Event("pagehide"));
    expect(onHide).not.toHaveBeenCalled();
  });

  it("does nothing outside a browser", () => {
    expect(() => listenForPageHide(vi.fn())()).not.toThrow();
  });
});
