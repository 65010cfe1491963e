import { Skeleton } from "../_components/skeleton";

export default function Loading() {
  return <Skeleton label="Loading your invoices…" rows={8} />;
}
