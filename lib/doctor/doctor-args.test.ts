import { describe, expect, it } from "vitest";
import { parseDoctorArgs } from "./doctor-args";

const customer = "7e9551bf-ad22-48d2-9022-2bdb9eda6359";

describe("the doctor's command line", () => {
  it("runs with no arguments, and takes --customer and --json in either form", () => {
    expect(parseDoctorArgs([])).toEqual({ kind: "run", customerId: undefined, json: false });
    expect(parseDoctorArgs(["--customer", customer, "--json"])).toEqual({ kind: "run", customerId: customer, json: true });
    expect(parseDoctorArgs([`--customer=${customer}`])).toEqual({ kind: "run", customerId: customer, json: false });
  });

  it("shows help for --help and -h", () => {
    expect(parseDoctorArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseDoctorArgs(["-h"])).toEqual({ kind: "help" });
  });

  it("refuses a customer id that is not a UUID", () => {
    expect(parseDoctorArgs(["--customer", "cus_123"])).toEqual({ kind: "usage", message: "--customer must be a RevKeen customer id (a UUID)" });
  });

  it("refuses an unknown argument without quoting it back, in case it was a pasted key", () => {
    const result = parseDoctorArgs(["rk_live_pastedByMistake"]);
    expect(result.kind).toBe("usage");
    expect(JSON.stringify(result)).not.toContain("pastedByMistake");
  });
});
