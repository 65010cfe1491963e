import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "../../_components/not-found-message";

export default async function SubscriptionNotFound() {
  const t = await getTranslations("PortalNotFound");
  return <NotFoundMessage title={t("subscriptionTitle")} body={t("subscriptionBody")} back="/portal/subscriptions" backLabel={t("subscriptionBack")} />;
}
