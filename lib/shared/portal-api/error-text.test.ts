import { createTranslator } from "next-intl";
import { portalCopyIn } from "@/lib/testing/portal-copy-under-test";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { PORTAL_ERROR_CODES } from "./error-codes";
import { errorText, readFailureText } from "./error-text";
import { portalErrorCodes } from "./errors";

const english = createTranslator({ locale: "en", messages: en, namespace: "Errors" });
const french = createTranslator({ locale: "fr", messages: fr, namespace: "Errors" });

describe("a failure in the customer's words", () => {
  it("says in English what errors.ts says, code for code", () => {
    for (const code of PORTAL_ERROR_CODES) expect(errorText(english, { code })).toBe(portalErrorCodes[code].message);
  });

  it("says how long to wait when the app's own limit refused, and the code's message otherwise", () => {
    expect(errorText(english, { code: "portal:rate_limited", retryAfter: 30 })).toBe("Too many attempts. Try again in 30 s.");
    expect(errorText(french, { code: "portal:rate_limited", retryAfter: 30 })).toBe("Trop de tentatives. Réessayez dans 30 s.");
    expect(errorText(english, { code: "upstream:rate_limited", retryAfter: 30 })).toBe("Too many requests right now. Please try again shortly.");
  });

  it("tells the browser's unreadable and missing answers apart, in the words the server handed down", async () => {
    const french = await portalCopyIn("fr");
    expect(readFailureText(french, { code: "invoice:not_found" })).toBe("Nous n'avons pas trouvé cette facture.");
    expect(readFailureText(french, { code: "network:offline" })).toBe("Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.");
    expect(readFailureText(french, { code: "<html>" })).toBe("Un problème est survenu de notre côté. Veuillez réessayer.");
    expect(readFailureText(french, { code: "constructor" })).toBe("Un problème est survenu de notre côté. Veuillez réessayer.");
    expect(readFailureText(french, { code: "portal:rate_limited", retryAfter: 30 })).toBe("Trop de tentatives. Réessayez dans 30 s.");
    expect(readFailureText(french, { code: "portal:rate_limited" })).toBe(french.errors["portal:rate_limited"]);
  });
});
