// Page paging, as the merchant's list operations use it (GET /v2/subscriptions, GET /v2/products):
// `page` from 1 and `limit` from 1 to 100 (20 by default), answered with
// `pagination: { page, limit, total, totalPages }`. A page past the end is empty, not an error.
import { z } from "zod";

const DEFAULT_LIMIT = 20;

// Digits only: "1e1", " 5" or "2.0" are mistakes worth a 400, not numbers to guess at.
const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `must be a whole number from 1 to ${max}`)
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(max, `must be at most ${max}`));

export const pageQueryShape = {
  page: wholeNumber(100_000).default(1),
  limit: wholeNumber(100).default(DEFAULT_LIMIT),
};

interface PageQuery {
  page: number;
  limit: number;
}

interface PageOf<Item> {
  data: Item[];
  pagination: { page: number; limit: number; total: number; totalPages: number };
}

export function pageOf<Item>(items: Item[], { page, limit }: PageQuery): PageOf<Item> {
  const start = (page - 1) * limit;
  return {
    data: items.slice(start, start + limit),
    pagination: { page, limit, total: items.length, totalPages: Math.ceil(items.length / limit) },
  };
}
