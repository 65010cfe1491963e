import { describe, expect, it } from "vitest";
import { cardBrand } from "./card-brand";

describe("a card's brand in words", () => {
  it.each([
    ["visa", "Visa"],
    ["MasterCard", "Mastercard"],
    ["amex", "American Express"],
    ["american_express", "American Express"],
    ["cartes_bancaires", "Cartes bancaires"],
    [null, null],
    ["", null],
    ["__", null],
  ])("%s is %s", (brand, words) => expect(cardBrand(brand)).toBe(words));
});
