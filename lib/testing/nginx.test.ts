import { describe, expect, it } from "vitest";
import { balancerConfig, INSTANCE_HEADER } from "./nginx";

describe("the end-to-end suite's nginx config", () => {
  const dir = "/work/app/.e2e-logs/balancer-3317";
  const config = balancerConfig({ port: 3317, instances: { a: 3314, b: 3315 }, dir });

  it("runs in the foreground with every file it writes under its own folder", () => {
    expect(config).toMatch(/^daemon off;$/m);
    const paths = [...config.matchAll(/^\s*(?:pid|error_log|access_log|\w+_temp_path)\s+(\S+)/gm)].map((match) => match[1]);
    expect(paths).toHaveLength(8);
    for (const path of paths) expect(path?.replace(/;$/, "")).toMatch(new RegExp(`^${dir}/[a-z_]+(\\.log|\\.pid)?$`));
  });

  it("listens on loopback alone and passes on what the browser asked for, and from where", () => {
    expect([...config.matchAll(/^\s*listen\s+(\S+);$/gm)].map((match) => match[1])).toEqual(["127.0.0.1:3317"]);
    for (const header of ["Host $http_host", "X-Forwarded-Host $http_host", "X-Forwarded-Proto $scheme", "X-Forwarded-For $proxy_add_x_forwarded_for"]) {
      expect(config).toContain(`proxy_set_header ${header};`);
    }
  });

  it("sends requests to both instances in turn, or to the one the test's header names", () => {
    expect(config).toMatch(/upstream portal \{\s*server 127\.0\.0\.1:3314;\s*server 127\.0\.0\.1:3315;/);
    expect(config).toContain(`map $http_${INSTANCE_HEADER.replaceAll("-", "_")} $portal_upstream {`);
    expect(config).toMatch(/upstream portal_a \{\s*server 127\.0\.0\.1:3314;\s*\}/);
    expect(config).toMatch(/upstream portal_b \{\s*server 127\.0\.0\.1:3315;\s*\}/);
  });
});
