// One catalogue of error codes so that every failure, from a bad key to a bug, answers the
// same envelope: { error: { type, code, message } }.
import { jsonReply, type Reply } from "./reply";

const ERROR_CODES = {
  unauthenticated: { status: 401, type: "authentication_error" },
  forbidden: { status: 403, type: "permission_error" },
  resource_missing: { status: 404, type: "invalid_request_error" },
  invalid_request: { status: 400, type: "invalid_request_error" },
  idempotency_key_reused: { status: 409, type: "idempotency_error" },
  conflict: { status: 409, type: "invalid_request_error" },
  unprocessable_entity: { status: 422, type: "invalid_request_error" },
  method_not_allowed: { status: 405, type: "invalid_request_error" },
  route_not_found: { status: 404, type: "invalid_request_error" },
  rate_limited: { status: 429, type: "rate_limit_error" },
  internal_error: { status: 500, type: "api_error" },
  service_unavailable: { status: 503, type: "api_error" },
} as const satisfies Record<string, { status: number; type: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

interface ApiErrorOptions {
  /** Overrides the code's usual status, e.g. 413 for an oversized body or 502 for a fault. */
  status?: number;
  headers?: Record<string, string>;
}

/** Thrown anywhere below a handler; the dispatcher turns it into the error envelope. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = options.status ?? ERROR_CODES[code].status;
    this.headers = options.headers ?? {};
  }
}

export function errorReply(error: ApiError): Reply {
  const body = { error: { type: ERROR_CODES[error.code].type, code: error.code, message: error.message } };
  return jsonReply(error.status, body, error.headers);
}

export function routeNotFound(): ApiError {
  return new ApiError("route_not_found", "No such route: check the method and the path (API paths start with /v2/customer-portal/, /v2/customers, /v2/entitlements, /v2/products or /v2/subscriptions).");
}

export function methodNotAllowed(allow: string[]): ApiError {
  return new ApiError("method_not_allowed", `This route accepts ${allow.join(", ")} only.`, {
    headers: { allow: allow.join(", ") },
  });
}

export function internalError(): ApiError {
  return new ApiError("internal_error", "The sandbox hit an unexpected error. It has been reported in the server log.");
}
