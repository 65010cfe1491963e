// A card's brand in words, one way everywhere: the upgrade's charge line and the overview's cards
// on file name the same card alike.

const BRANDS: Record<string, string> = {
  amex: "American Express",
  american_express: "American Express",
  diners: "Diners Club",
  discover: "Discover",
  jcb: "JCB",
  mastercard: "Mastercard",
  unionpay: "UnionPay",
  visa: "Visa",
};

/**
 * "visa" → "Visa"; a brand RevKeen names and this list does not is shown in words. Brand names
 * are not translated; null when there is none, for the caller to say "card" in the page's language.
 */
export function cardBrand(brand: string | null | undefined): string | null {
  if (!brand) return null;
  const known = BRANDS[brand.toLowerCase()];
  if (known) return known;
  const words = brand.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : null;
}
