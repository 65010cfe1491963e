"use client";

import { DetailRow } from "./detail-row";
import { useCustomer } from "./use-portal-data";

export function CustomerSummary() {
  const { data } = useCustomer();
  const customer = data?.data;
  if (!customer) return null;
  return (
    <dl className="details">
      <DetailRow term="Name">{customer.name}</DetailRow>
      {customer.company_name && <DetailRow term="Company">{customer.company_name}</DetailRow>}
      <DetailRow term="Email">{customer.email}</DetailRow>
      {customer.phone && <DetailRow term="Phone">{customer.phone}</DetailRow>}
    </dl>
  );
}
