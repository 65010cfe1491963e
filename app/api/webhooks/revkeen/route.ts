import { receiveWebhook } from "@/lib/server/webhooks/receive-webhook";

/** RevKeen's webhooks (lib/server/webhooks/): set this address as the endpoint in RevKeen. */
export const POST = receiveWebhook;
