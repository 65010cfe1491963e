// Before `npm test` starts the end-to-end suite: make sure there is an nginx, the load balancer
// the suite puts in front of two instances of the app (e2e/balancer.ts). An existing one first,
// else Debian's nginx with apt-get (as root or with password-less sudo), else one line that names
// the command to run, before the suite starts.
import { findNginx } from "../lib/testing/nginx";
import { installWithApt } from "../lib/testing/install-with-apt";

function ensureNginx(): boolean {
  const found = findNginx();
  if (found !== null) {
    console.log(`nginx for the end-to-end tests: ${found}.`);
    return true;
  }
  console.log("No nginx for the end-to-end tests yet: installing Debian's nginx with apt-get where this user may.");
  const installed = installWithApt(["nginx"]) ? findNginx() : null;
  if (installed !== null) {
    console.log(`nginx for the end-to-end tests: ${installed}, just installed.`);
    return true;
  }
  console.error("No nginx for the end-to-end tests, and none could be installed from here: run `sudo apt-get install nginx` (or set E2E_NGINX to an nginx binary), then npm test again.");
  return false;
}

process.exitCode = ensureNginx() ? 0 : 1;
