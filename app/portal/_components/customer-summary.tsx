"use client";

import { DetailRow } from "./detail-row";
import { usePortalCopy } from "./portal-copy";
import { useCustomer } from "./use-portal-data";

export function CustomerSummary() {
  const t = usePortalCopy().customer;
  const { data } = useCustomer();
  const customer = data?.data;
  if (!customer) return null;
  return (
    <dl className="details">
      <DetailRow term={t.name}>{customer.name}</DetailRow>
      {customer.company_name && <DetailRow term={t.company}>{customer.company_name}</DetailRow>}
      <DetailRow term={t.email}>{customer.email}</DetailRow>
      {customer.phone && <DetailRow term={t.phone}>{customer.phone}</DetailRow>}
    </dl>
  );
}
