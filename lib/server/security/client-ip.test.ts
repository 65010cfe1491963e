import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const forwardedFor = (value: string, extra: Record<string, string> = {}) => new Headers({ "x-forwarded-for": value, ...extra });

describe("clientIp", () => {
  it("takes the connection's address, which Next writes, when no proxy is in front", () => {
    expect(clientIp(forwardedFor("203.0.113.7"), { trustedProxyHops: 0, onVercel: false })).toBe("203.0.113.7");
  });

  it("counts trusted proxies from the right, so an address the client wrote in front is ignored", () => {
    // nginx's $proxy_add_x_forwarded_for appends the address it saw to what the client sent.
    const appended = forwardedFor("198.51.100.1, 203.0.113.7");
    expect(clientIp(appended, { trustedProxyHops: 1, onVercel: false })).toBe("203.0.113.7");
    // A CDN in front of nginx: the client is the second entry from the right.
    const twoHops = forwardedFor("198.51.100.1, 203.0.113.7, 192.0.2.10");
    expect(clientIp(twoHops, { trustedProxyHops: 2, onVercel: false })).toBe("203.0.113.7");
  });

  it("uses Vercel's own header there, whatever X-Forwarded-For says", () => {
    const headers = forwardedFor("198.51.100.1", { "x-real-ip": "203.0.113.7" });
    expect(clientIp(headers, { trustedProxyHops: 0, onVercel: true })).toBe("203.0.113.7");
  });

  it("says unknown when nothing names an address, or fewer entries than proxies", () => {
    expect(clientIp(new Headers(), { trustedProxyHops: 0, onVercel: false })).toBe("unknown");
    expect(clientIp(forwardedFor("203.0.113.7"), { trustedProxyHops: 2, onVercel: false })).toBe("unknown");
    expect(clientIp(new Headers(), { trustedProxyHops: 0, onVercel: true })).toBe("unknown");
  });
});
