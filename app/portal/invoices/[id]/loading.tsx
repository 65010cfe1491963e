import { Skeleton } from "../../_components/skeleton";

export default function Loading() {
  return <Skeleton label="Loading the invoice…" rows={8} />;
}
