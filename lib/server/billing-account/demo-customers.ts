import "server-only";
// The sandbox's demo customers, offered on the sign-in page when demo sign-in is on. In sandbox
// mode they come from the in-process sandbox; against `npm run sandbox` (an rk_sandbox_ key and
// REVKEEN_API_URL on loopback) from its /__sandbox/customers control.
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { inProcessSandbox } from "@/lib/sandbox/entry/in-process-sandbox";

export const DEMO_PROVIDER_ID = "demo";
/** What demo sign-in posts instead of a customer id for "Continue as a new customer". */
export const NEW_CUSTOMER = "new";

const demoCustomerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  subscriptions: z.number().int().nonnegative(),
  invoices: z.number().int().nonnegative(),
  demo: z.boolean(),
});

export type DemoCustomer = z.infer<typeof demoCustomerSchema>;

const listSchema = z.object({ data: z.array(demoCustomerSchema) });

/** The seed's demo customers; customers created by sign-ins ("a new customer") are not offered. */
export async function demoCustomers(): Promise<DemoCustomer[]> {
  const env = serverEnv();
  if (!env.demoSignIn) return [];
  if (env.mode === "sandbox") return z.array(demoCustomerSchema).parse(inProcessSandbox().customers()).filter((customer) => customer.demo);
  const controls = new URL("/__sandbox/customers", env.REVKEEN_API_URL);
  const response = await fetch(controls, { cache: "no-store", signal: AbortSignal.timeout(env.REVKEEN_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`Demo sign-in needs the RevKeen sandbox's customer list at ${controls.origin}.`);
  return listSchema.parse(await response.json()).data.filter((customer) => customer.demo);
}

export async function findDemoCustomer(id: string): Promise<DemoCustomer | undefined> {
  return (await demoCustomers()).find((customer) => customer.id === id);
}
