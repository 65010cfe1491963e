import { afterEach, describe, expect, it, vi } from "vitest";

const NAME = "process-singleton-test";

afterEach(async () => {
  const { forgetProcessSingleton } = await import("./process-singleton");
  forgetProcessSingleton(NAME);
});

describe("processSingleton", () => {
  it("gives every copy of the module the value the first one made", async () => {
    const first = await import("./process-singleton");
    const made = first.processSingleton(NAME, () => ({ made: "first" }));
    // A separately bundled route or page loads its own copy of the module, as vi.resetModules does here.
    vi.resetModules();
    const second = await import("./process-singleton");
    expect(second).not.toBe(first);
    const create = vi.fn(() => ({ made: "second" }));
    expect(second.processSingleton(NAME, create)).toBe(made);
    expect(create).not.toHaveBeenCalled();
  });

  it("makes a new value after the old one is forgotten", async () => {
    const { forgetProcessSingleton, processSingleton } = await import("./process-singleton");
    const old = processSingleton(NAME, () => ({ made: "old" }));
    forgetProcessSingleton(NAME);
    const fresh = processSingleton(NAME, () => ({ made: "fresh" }));
    expect(fresh).not.toBe(old);
    expect(fresh).toEqual({ made: "fresh" });
  });

  it("keeps a value of undefined rather than making it again", async () => {
    const { processSingleton } = await import("./process-singleton");
    const create = vi.fn(() => undefined);
    processSingleton(NAME, create);
    processSingleton(NAME, create);
    expect(create).toHaveBeenCalledTimes(1);
  });
});
