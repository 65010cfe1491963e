import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it("hides every kind of RevKeen secret, keeping its kind", () => {
    expect(redact("rkcps_abc rk_live_def rk_sandbox_ghi rk_wh_jkl")).toBe("rkcps_[redacted] rk_live_[redacted] rk_sandbox_[redacted] rk_wh_[redacted]");
  });

  it("hides a secret whatever comes before it, a word character included", () => {
    expect(redact("token_rkcps_abc x1rk_live_def\nrk_wh_ghi\trk_sandbox_jkl")).toBe("token_rkcps_[redacted] x1rk_live_[redacted]\nrk_wh_[redacted]\trk_sandbox_[redacted]");
    expect(redact("url_postgres://app:s3cret@db.example.com/billing")).toBe("url_postgres://app:[redacted]@db.example.com/billing");
  });

  it("hides the password of a connection URL and keeps where it points", () => {
    expect(redact("connect postgres://app:s3cret@db.example.com:5432/billing failed")).toBe("connect postgres://app:[redacted]@db.example.com:5432/billing failed");
  });
});
