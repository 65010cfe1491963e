// What the test tools need from the system (Chromium, PostgreSQL's server, nginx) when a machine
// has none: Debian's package, installed with apt-get by root, or through sudo that asks for no
// password (as `playwright install --with-deps` does). Anyone else is told the command instead.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync } from "node:fs";

function run(command: string, args: string[], options: SpawnSyncOptions = {}): boolean {
  return spawnSync(command, args, { stdio: "inherit", timeout: 15 * 60_000, ...options }).status === 0;
}

/** How this user may run apt-get: [] as root, ["sudo", "-n"] with password-less sudo, else null. */
export function aptGetAs(): string[] | null {
  if (process.platform !== "linux" || !existsSync("/usr/bin/apt-get")) return null;
  if (process.getuid?.() === 0) return [];
  return run("sudo", ["-n", "true"], { stdio: "ignore" }) ? ["sudo", "-n"] : null;
}

/** Installs Debian's `packages` where this user may; false when they may not or it failed. */
export function installWithApt(packages: string[]): boolean {
  const prefix = aptGetAs();
  if (prefix === null) return false;
  const [command = "apt-get", ...args] = [...prefix, "apt-get"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  return run(command, [...args, "update", "-qq"], { env }) && run(command, [...args, "install", "-y", "-qq", ...packages], { env });
}
