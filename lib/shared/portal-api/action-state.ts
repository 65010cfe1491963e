// What a portal form's server action answers, for the form that sent it (useActionState): the
// same shape with or without JavaScript. A failure the customer can act on is a value, in the
// words of its PortalError code; anything else is thrown and reaches the error page.
import type { PortalErrorCode } from "./error-codes";

type ActionFailure = { status: "failed"; code: PortalErrorCode; message: string };

export type ActionState<T> = { status: "idle" } | { status: "done"; data: T } | ActionFailure;

export const IDLE = { status: "idle" } as const satisfies ActionState<never>;
