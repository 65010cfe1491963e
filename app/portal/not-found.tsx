import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "./_components/not-found-message";

export default async function PortalNotFound() {
  const t = await getTranslations("PortalNotFound");
  return <NotFoundMessage title={t("title")} body={t("body")} back="/portal" backLabel={t("back")} />;
}
