// GitHub's profile request against a local stand-in for its API: the address a sign-in brings is
// the one GitHub verified, and the profile says whether there is one.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubProfileWithVerifiedEmail } from "./github-verified-email";

type Answer = { status: number; body: unknown };
const answers = new Map<string, Answer>();
const seen: { path?: string; authorization?: string }[] = [];
let server: Server;
let userinfo: URL;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    seen.push({ path: request.url, authorization: request.headers.authorization });
    const answer = answers.get(request.url ?? "") ?? { status: 404, body: { message: "Not Found" } };
    response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  userinfo = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3/user`);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const PROFILE = { id: 583231, login: "octocat", name: "The Octocat", email: "public@example.com", avatar_url: "https://example.com/a.png" };

function githubAnswers(profile: Answer["body"], emails: Answer): void {
  answers.set("/api/v3/user", { status: 200, body: profile });
  answers.set("/api/v3/user/emails", emails);
}

const signIn = () => githubProfileWithVerifiedEmail({ tokens: { access_token: "gho_unit_test" }, provider: { userinfo: { url: userinfo } } });

describe("githubProfileWithVerifiedEmail", () => {
  it("takes the verified primary address, asking with the user's token", async () => {
    githubAnswers(PROFILE, {
      status: 200,
      body: [
        { email: "public@example.com", primary: false, verified: false, visibility: null },
        { email: "primary@example.com", primary: true, verified: true, visibility: "private" },
      ],
    });
    seen.length = 0;
    expect(await signIn()).toMatchObject({ id: 583231, login: "octocat", email: "primary@example.com", email_verified: true });
    expect(seen).toEqual([
      { path: "/api/v3/user", authorization: "Bearer gho_unit_test" },
      { path: "/api/v3/user/emails", authorization: "Bearer gho_unit_test" },
    ]);
  });

  it("says the address is not verified when GitHub has not verified the primary one", async () => {
    githubAnswers({ ...PROFILE, email: null }, { status: 200, body: [{ email: "unverified@example.com", primary: true, verified: false }] });
    expect(await signIn()).toMatchObject({ email: "unverified@example.com", email_verified: false });
  });

  it("says the address is not verified when the list of addresses cannot be read (the scope not granted)", async () => {
    githubAnswers(PROFILE, { status: 403, body: { message: "Resource not accessible by integration" } });
    expect(await signIn()).toMatchObject({ email: "public@example.com", email_verified: false });
    githubAnswers(PROFILE, { status: 200, body: { not: "a list" } });
    expect(await signIn()).toMatchObject({ email: "public@example.com", email_verified: false });
  });
});
