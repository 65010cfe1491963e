import { Skeleton } from "../../_components/skeleton";

export default function Loading() {
  return <Skeleton label="Loading the subscription…" rows={5} />;
}
