// The demo merchant's catalogue: one product for each demo plan, named in its customer's language,
// so a portal can show "Pro" rather than "£12.00 per month". What a plan grants lives here, on its
// product: a subscription grants what its product grants.
import { addMonths } from "./calendar";
import { deterministicUuid } from "./ids";
import type { ProductRecord } from "./records";

/** Ada's "Pro": £12.00 a month, and the product that grants `pro-reports`. */
export const PRODUCT_PRO = deterministicUuid("product:pro");
export const PRODUCT_ARCHIVE = deterministicUuid("product:archive");
export const PRODUCT_TEAM = deterministicUuid("product:team");
export const PRODUCT_BACKUP = deterministicUuid("product:backup");
export const PRODUCT_ANALYTICS = deterministicUuid("product:analytics");
export const PRODUCT_LEGACY_SUPPORT = deterministicUuid("product:legacy-support");
export const PRODUCT_STANDARD_MONTHLY = deterministicUuid("product:standard-monthly");
export const PRODUCT_STANDARD_YEARLY = deterministicUuid("product:standard-yearly");
export const PRODUCT_FORMULE_ANNUELLE = deterministicUuid("product:formule-annuelle");

type ProductSpec = Omit<ProductRecord, "createdAt" | "kind"> & { kind?: ProductRecord["kind"] };

const SPECS: readonly ProductSpec[] = [
  { id: PRODUCT_PRO, productId: "prod_pro", name: "Pro", description: "Everything in the core plan, with Pro reports.", amountMinor: 1200, currency: "GBP", interval: "month", intervalCount: 1, benefits: ["pro-reports"] },
  { id: PRODUCT_ARCHIVE, productId: "prod_archive", name: "Archive", description: "Long-term storage in the EU, billed every three months.", amountMinor: 1200, currency: "EUR", interval: "month", intervalCount: 3, benefits: [] },
  { id: PRODUCT_TEAM, productId: "prod_team", name: "Team", description: "Shared workspaces and seats for a whole team.", amountMinor: 4900, currency: "GBP", interval: "month", intervalCount: 1, benefits: [] },
  { id: PRODUCT_BACKUP, productId: "prod_backup", name: "Backup", description: "Nightly backups, kept for 30 days.", amountMinor: 2500, currency: "GBP", interval: "month", intervalCount: 1, benefits: [] },
  { id: PRODUCT_ANALYTICS, productId: "prod_analytics", name: "Analytics", description: "Dashboards of how your customers use the product.", amountMinor: 1500, currency: "GBP", interval: "month", intervalCount: 1, benefits: [] },
  { id: PRODUCT_LEGACY_SUPPORT, productId: "prod_legacy_support", name: "Legacy support", description: "Support for versions past their end of life.", amountMinor: 800, currency: "GBP", interval: "month", intervalCount: 1, benefits: [] },
  { id: PRODUCT_STANDARD_MONTHLY, productId: "prod_standard_monthly", name: "スタンダード（月額）", description: "毎月お支払いいただくスタンダードプランです。", amountMinor: 980, currency: "JPY", interval: "month", intervalCount: 1, benefits: [] },
  { id: PRODUCT_STANDARD_YEARLY, productId: "prod_standard_yearly", name: "スタンダード（年額）", description: "年に一度のお支払いでお得にご利用いただけるスタンダードプランです。", amountMinor: 9800, currency: "JPY", interval: "year", intervalCount: 1, benefits: [] },
  { id: PRODUCT_FORMULE_ANNUELLE, productId: "prod_formule_annuelle", name: "Formule annuelle", description: "L’accès complet, réglé une fois par an.", amountMinor: 9900, currency: "EUR", interval: "year", intervalCount: 1, benefits: [] },
];

/** The catalogue as of `now`: the products were all created four years before. */
export function seedProducts(now: number): ProductRecord[] {
  const createdAt = addMonths(now, -48);
  return SPECS.map((spec) => ({ kind: "subscription", ...spec, benefits: [...spec.benefits], createdAt }));
}

/** The product a seed plan is of, by the plan's price: the seed keeps them equal. */
export function seedProduct(id: string): ProductSpec {
  const spec = SPECS.find((candidate) => candidate.id === id);
  if (!spec) throw new Error(`no seed product ${id}`);
  return spec;
}
