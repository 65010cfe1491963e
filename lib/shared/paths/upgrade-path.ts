// The page that confirms an upgrade for a locked feature, and the feature to open once it is done.

export function upgradePath(benefitKey: string, next?: string): `/upgrade/${string}` {
  const query = next ? `?${new URLSearchParams({ next }).toString()}` : "";
  return `/upgrade/${encodeURIComponent(benefitKey)}${query}`;
}
