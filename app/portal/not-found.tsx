import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "./_components/not-found-message";

export default async function PortalNotFound() {
  const t = await getTranslations("NotFound");
  return <NotFoundMessage title={t("portalTitle")} body={t("portalBody")} back="/portal" backLabel={t("backToOverview")} />;
}
