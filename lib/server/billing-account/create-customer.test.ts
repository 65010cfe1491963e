import { describe, expect, it } from "vitest";
import { customerCreationKey } from "./create-customer";

describe("customerCreationKey", () => {
  it("is the same for every attempt of one user, and another for another user", () => {
    expect(customerCreationKey("github:1")).toBe(customerCreationKey("github:1"));
    expect(customerCreationKey("github:1")).not.toBe(customerCreationKey("github:2"));
  });

  it("is shaped as a UUID v4, as RevKeen recommends for keys", () => {
    expect(customerCreationKey("new-customer:0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
