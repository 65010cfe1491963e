import { describe, expect, it } from "vitest";
import type { PortalInvoice, PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { PortalList } from "@/lib/shared/revkeen-api/wire";
import type { Sandbox } from "../entry/sandbox";
import { KENJI_SATO_ID } from "../data/seed";
import { errorOf, mintToken, portal, setup } from "../entry/test-support";

type InvoiceList = PortalList<PortalInvoice>;

async function list(sandbox: Sandbox, token: string, query: string): Promise<InvoiceList> {
  const response = await portal(sandbox, token, `/invoices${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InvoiceList;
}

async function allInvoices(sandbox: Sandbox, token: string): Promise<PortalInvoice[]> {
  return (await list(sandbox, token, "?limit=100")).data;
}

const time = (invoice: PortalInvoice) => Date.parse(invoice.invoice_date ?? "");

describe("list order", () => {
  it("puts the newest invoice_date first, ties broken by id", async () => {
    const { sandbox } = setup();
    const invoices = await allInvoices(sandbox, await mintToken(sandbox));
    expect(invoices).toHaveLength(46);
    let ties = 0;
    for (let i = 1; i < invoices.length; i += 1) {
      const [previous, current] = [invoices[i - 1], invoices[i]];
      if (!previous || !current) throw new Error("unreachable");
      expect(time(previous)).toBeGreaterThanOrEqual(time(current));
      if (time(previous) === time(current)) {
        ties += 1;
        expect(previous.id > current.id).toBe(true);
      }
    }
    expect(ties).toBeGreaterThan(0);
  });

  it("puts the newest created_at first for subscriptions", async () => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), "/subscriptions");
    const { data } = (await response.json()) as PortalList<PortalSubscription>;
    const created = data.map((subscription) => Date.parse(subscription.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(data[0]?.status).toBe("trialing");
  });

  it("is the same on every call", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    expect(await allInvoices(sandbox, token)).toEqual(await allInvoices(sandbox, token));
  });
});

describe("limit", () => {
  it("defaults to 20", async () => {
    const { sandbox } = setup();
    const page = await list(sandbox, await mintToken(sandbox), "");
    expect(page.data).toHaveLength(20);
    expect(page.has_more).toBe(true);
  });

  it("takes 1 to 100", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    expect((await list(sandbox, token, "?limit=1")).data).toHaveLength(1);
    const hundred = await list(sandbox, token, "?limit=100");
    expect(hundred.data).toHaveLength(46);
    expect(hundred.has_more).toBe(false);
  });

  it("says has_more is false when the page ends exactly at the last item", async () => {
    const { sandbox } = setup();
    const page = await list(sandbox, await mintToken(sandbox, KENJI_SATO_ID), "?limit=8");
    expect(page.data).toHaveLength(8);
    expect(page.has_more).toBe(false);
  });

  it.each(["0", "101", "-1", "abc", "1.5", "1e1", "", " 5"])("rejects limit=%j with 400", async (limit) => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), `/invoices?limit=${encodeURIComponent(limit)}`);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_request");
    expect(error.message).toContain("limit");
  });
});

describe("cursors", () => {
  it("starting_after walks to older items without gaps or repeats", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const expected = await allInvoices(sandbox, token);
    const seen: PortalInvoice[] = [];
    let query = "?limit=7";
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await list(sandbox, token, query);
      seen.push(...page.data);
      if (!page.has_more) break;
      query = `?limit=7&starting_after=${page.data.at(-1)?.id}`;
    }
    expect(seen.map((invoice) => invoice.id)).toEqual(expected.map((invoice) => invoice.id));
  });

  it("starting_after the last item is an empty page without more", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const last = (await allInvoices(sandbox, token)).at(-1);
    const page = await list(sandbox, token, `?starting_after=${last?.id}`);
    expect(page.data).toEqual([]);
    expect(page.has_more).toBe(false);
  });

  it("ending_before returns the limit items just before the cursor, newest first", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const all = await allInvoices(sandbox, token);
    const cursor = all[30]?.id;
    const page = await list(sandbox, token, `?limit=10&ending_before=${cursor}`);
    expect(page.data.map((invoice) => invoice.id)).toEqual(all.slice(20, 30).map((invoice) => invoice.id));
    expect(page.has_more).toBe(true);
  });

  it("ending_before says has_more false once it reaches the newest item", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const all = await allInvoices(sandbox, token);
    const page = await list(sandbox, token, `?limit=10&ending_before=${all[5]?.id}`);
    expect(page.data.map((invoice) => invoice.id)).toEqual(all.slice(0, 5).map((invoice) => invoice.id));
    expect(page.has_more).toBe(false);
    const none = await list(sandbox, token, `?ending_before=${all[0]?.id}`);
    expect(none).toMatchObject({ data: [], has_more: false });
  });

  it("walks back from the oldest page to the newest with ending_before", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const all = await allInvoices(sandbox, token);
    const collected: PortalInvoice[] = [];
    let cursor = all.at(-1)?.id;
    collected.unshift(...all.slice(-1));
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await list(sandbox, token, `?limit=9&ending_before=${cursor}`);
      collected.unshift(...page.data);
      if (!page.has_more) break;
      cursor = page.data[0]?.id;
    }
    expect(collected.map((invoice) => invoice.id)).toEqual(all.map((invoice) => invoice.id));
  });

  it("pages subscriptions the same way", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const first = (await (await portal(sandbox, token, "/subscriptions?limit=4")).json()) as PortalList<PortalSubscription>;
    expect(first.data).toHaveLength(4);
    expect(first.has_more).toBe(true);
    const second = (await (await portal(sandbox, token, `/subscriptions?limit=4&starting_after=${first.data[3]?.id}`)).json()) as PortalList<PortalSubscription>;
    expect(second.data).toHaveLength(2);
    expect(second.has_more).toBe(false);
  });

  it.each(["starting_after", "ending_before"])("rejects a %s that is not a UUID with 400", async (name) => {
    const { sandbox } = setup();
    const response = await portal(sandbox, await mintToken(sandbox), `/invoices?${name}=inv_123`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain(name);
  });

  it("rejects starting_after and ending_before together with 400", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const [a, b] = await allInvoices(sandbox, token);
    const response = await portal(sandbox, token, `/invoices?starting_after=${a?.id}&ending_before=${b?.id}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/cannot be used together/);
  });

  it("answers 400 'no such cursor' for an id that is not in this customer's list", async () => {
    const { sandbox } = setup();
    const kenjiToken = await mintToken(sandbox, KENJI_SATO_ID);
    const kenjisInvoice = (await allInvoices(sandbox, kenjiToken))[0]?.id;
    const response = await portal(sandbox, await mintToken(sandbox), `/invoices?starting_after=${kenjisInvoice}`);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "invalid_request", message: expect.stringMatching(/no such cursor/i) });
  });

  it("ignores unknown query parameters, including the prose's offset paging", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const plain = await list(sandbox, token, "?limit=3");
    expect(await list(sandbox, token, "?limit=3&offset=10&page=2&expand[]=lines")).toEqual(plain);
  });
});
