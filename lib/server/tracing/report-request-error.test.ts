import { describe, expect, it, vi } from "vitest";
import { reportRequestError } from "./report-request-error";

describe("reporting a server error Next caught", () => {
  it("logs it with the request's id, its name and digest, and not its message", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = Object.assign(new TypeError("could not read ada@example.com with rkcps_abc"), { digest: "1234567" });
    reportRequestError(failure, { path: "/portal?x=1", method: "GET", headers: { "x-request-id": "2f9c1e0a-5b1d-4c7e-9a3f-0d8b6e4a2c1f" } }, { routePath: "/portal", routeType: "render" });
    expect(error).toHaveBeenCalledOnce();
    expect(JSON.parse(String(error.mock.calls[0]?.[0]))).toEqual({
      level: "error",
      event: "server.request_error",
      request_id: "2f9c1e0a-5b1d-4c7e-9a3f-0d8b6e4a2c1f",
      method: "GET",
      route: "/portal",
      route_type: "render",
      name: "TypeError",
      digest: "1234567",
    });
    error.mockRestore();
  });
});
