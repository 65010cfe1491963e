// Types every key and argument against the English file: a message missing there, or a wrong
// argument, is a type error where it is used.
import type messages from "../../../messages/en.json";
import type { AppLocale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
