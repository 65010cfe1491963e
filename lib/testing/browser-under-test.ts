// For unit tests that run the app's route handlers, server code and Auth.js's own endpoints with
// a real Request: one browser's cookie jar, and the stand-in for next/headers that Next gives
// server code inside a request. A test mocks next/headers with `nextHeadersOf(() => browser)`.
import { NextRequest } from "next/server";

export const TEST_ORIGIN = "http://127.0.0.1:3000";

type CookieOptions = { maxAge?: number; expires?: Date | number };

export class BrowserUnderTest {
  readonly cookies = new Map<string, string>();

  /** A request from this browser, with its cookies, as this site's own page would send it. */
  request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}): NextRequest {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    return new NextRequest(new URL(path, TEST_ORIGIN), { method: init.method ?? "GET", headers, body: init.body });
  }

  /** Keeps what a response's Set-Cookie headers set, and forgets what they delete. */
  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const split = pair.indexOf("=");
      const name = pair.slice(0, split).trim();
      const value = pair.slice(split + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** What `headers()` answers inside this browser's request (from this site's own page): its cookies, as Next's server sees them. */
  headers(): Headers {
    const site = new URL(TEST_ORIGIN);
    return new Headers({ cookie: this.cookieHeader(), origin: site.origin, host: site.host, "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http" });
  }

  /** What `cookies()` answers: a jar that writes straight into this browser. */
  jar() {
    return {
      get: (name: string) => (this.cookies.has(name) ? { name, value: this.cookies.get(name) ?? "" } : undefined),
      has: (name: string) => this.cookies.has(name),
      set: (name: string, value: string, options: CookieOptions = {}) => {
        if (options.maxAge === 0) this.cookies.delete(name);
        else this.cookies.set(name, value);
      },
      delete: (target: string | { name: string }) => {
        this.cookies.delete(typeof target === "string" ? target : target.name);
      },
    };
  }
}

/** The next/headers module for `vi.mock`, answering for whichever browser `current` names. */
export function nextHeadersOf(current: () => BrowserUnderTest) {
  return {
    headers: async () => current().headers(),
    cookies: async () => current().jar(),
  };
}
