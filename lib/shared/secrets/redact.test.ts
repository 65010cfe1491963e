import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it("hides every kind of RevKeen secret, keeping its kind", () => {
    expect(redact("rkcps_abc rk_live_def rk_sandbox_ghi rk_wh_jkl")).toBe("rkcps_[redacted] rk_live_[redacted] rk_sandbox_[redacted] rk_wh_[redacted]");
  });

  it("hides the password of a connection URL and keeps where it points", () => {
    expect(redact("connect postgres://app:s3cret@db.example.com:5432/billing failed")).toBe("connect postgres://app:[redacted]@db.example.com:5432/billing failed");
  });
});
