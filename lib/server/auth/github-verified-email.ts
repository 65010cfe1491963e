import "server-only";
// Auth.js's GitHub provider takes the profile's public address, or else the primary one from
// GET /user/emails, without asking whether GitHub verified it: an unverified address may be
// anyone's. This replaces the provider's profile request. The address is the primary one when
// GitHub verified it (from /user/emails, under the user:email scope the provider asks for), and
// `email_verified` says so, as an OpenID Connect provider's profile does; the sign-in token
// carries it (app/(auth)/email-verified.ts).
import { z } from "zod";

const profileSchema = z.looseObject({ id: z.union([z.number(), z.string()]), email: z.string().nullish() });
const emailsSchema = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

type Request = { tokens: { access_token?: string }; provider: { userinfo?: { url?: URL | string } } };

export type GitHubProfile = z.infer<typeof profileSchema> & { email: string | null; email_verified: boolean };

/** For GitHub({ userinfo: { request } }): the profile, with the verified primary address or none. */
export async function githubProfileWithVerifiedEmail({ tokens, provider }: Request): Promise<GitHubProfile> {
  const url = provider.userinfo?.url;
  if (url === undefined) throw new TypeError("GitHub's profile address is not configured");
  const headers = { authorization: `Bearer ${tokens.access_token ?? ""}`, "user-agent": "authjs", accept: "application/vnd.github+json" };
  const profile = profileSchema.parse(await (await fetch(url, { headers })).json());
  // GitHub Enterprise's API lives under /api/v3, so the list is found beside the profile.
  const answer = await fetch(`${String(url).replace(/\/+$/, "")}/emails`, { headers });
  const emails = answer.ok ? emailsSchema.safeParse(await answer.json()) : undefined;
  const primary = emails?.success ? emails.data.find((entry) => entry.primary) : undefined;
  if (primary?.verified) return { ...profile, email: primary.email, email_verified: true };
  return { ...profile, email: primary?.email ?? profile.email ?? null, email_verified: false };
}
