import { describe, expect, it } from "vitest";
import { linkCustomer, linkedCustomerId } from "./billing-links";
import { testDatabaseForThisFile } from "@/lib/testing/embedded-database";

const test = testDatabaseForThisFile();

const ADA = "7e9551bf-ad22-48d2-9022-2bdb9eda6359";
const GRACE = "ed026086-439b-4879-b94e-32ddc87ba6ea";

describe("billing links", () => {
  it("finds nothing for a user who has no link yet", async () => {
    expect(await linkedCustomerId(test.db, "github:1")).toBeNull();
  });

  it("links a user to a customer and finds the link again", async () => {
    expect(await linkCustomer(test.db, "github:2", ADA)).toEqual({ linked: true, customerId: ADA });
    expect(await linkedCustomerId(test.db, "github:2")).toBe(ADA);
  });

  it("keeps the first link when two arrive for one user at once", async () => {
    const [first, second] = await Promise.all([linkCustomer(test.db, "github:3", GRACE), linkCustomer(test.db, "github:3", GRACE)]);
    expect(first).toEqual({ linked: true, customerId: GRACE });
    expect(second).toEqual({ linked: true, customerId: GRACE });
    const rows = await test.count("billing_accounts", "user_id = 'github:3'");
    expect(rows).toBe(1);
  });

  it("never gives a user a customer that is already another user's", async () => {
    const other = "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
    await linkCustomer(test.db, "github:4", other);
    expect(await linkCustomer(test.db, "github:5", other)).toEqual({ linked: false, reason: "customer_taken" });
    expect(await linkedCustomerId(test.db, "github:5")).toBeNull();
  });

  it("keeps a user's existing customer when another one is offered", async () => {
    const another = "1c6b8f2d-3e4a-4b5c-9d6e-7f8a9b0c1d2e";
    expect(await linkCustomer(test.db, "github:2", another)).toEqual({ linked: true, customerId: ADA });
  });
});
