// The load balancer the end-to-end suite puts in front of two instances of the app: Debian's nginx,
// run as an ordinary process (its own prefix, pid, logs and temporary files under .e2e-logs/, in
// the foreground) by scripts/test-balancer.ts. The config is the shape docs/going-live.md
// describes for self-hosting, plus one thing only the suite needs: a header that sends a request
// to one named instance, so a test can say where a request went.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The nginx to run: E2E_NGINX, else nginx on PATH, else Debian's /usr/sbin/nginx (not on a user's PATH); null when there is none. */
export function findNginx(): string | null {
  const explicit = process.env.E2E_NGINX;
  if (explicit) return existsSync(explicit) ? explicit : null;
  const onPath = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  return existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null;
}

/** The request header that sends a request to one instance ("a" or "b"); without it, round robin. */
export const INSTANCE_HEADER = "x-e2e-instance";
/** The response header that names the instance that answered (its address). */
export const SERVED_BY_HEADER = "x-served-by";

export type BalancerSettings = {
  /** The loopback port nginx listens on. */
  port: number;
  /** The instances' loopback ports. */
  instances: { a: number; b: number };
  /** An absolute folder for nginx's pid, logs and temporary files. */
  dir: string;
};

/** nginx.conf for a balancer in the foreground with everything of its own under `dir`. */
export function balancerConfig({ port, instances, dir }: BalancerSettings): string {
  return `# Written by scripts/test-balancer.ts for one run of the end-to-end suite.
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;

events {
  worker_connections 256;
}

http {
  log_format balanced '$remote_addr "$request" $status upstream=$upstream_addr';
  access_log ${dir}/access.log balanced;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  # Every instance of one build, in turn.
  upstream portal {
    server 127.0.0.1:${instances.a};
    server 127.0.0.1:${instances.b};
    keepalive 8;
  }
  # The suite's own: one instance each, chosen by the ${INSTANCE_HEADER} header.
  upstream portal_a {
    server 127.0.0.1:${instances.a};
  }
  upstream portal_b {
    server 127.0.0.1:${instances.b};
  }
  map $http_${INSTANCE_HEADER.replaceAll("-", "_")} $portal_upstream {
    a portal_a;
    b portal_b;
    default portal;
  }

  server {
    listen 127.0.0.1:${port};

    location / {
      proxy_pass http://$portal_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # What the browser asked for, and from where: the app trusts Host and X-Forwarded-Host with
      # AUTH_TRUST_HOST, and the last X-Forwarded-For entry with TRUSTED_PROXY_HOPS=1.
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # Pages stream: each part goes to the browser as the app sends it.
      proxy_buffering off;
      add_header ${SERVED_BY_HEADER} $upstream_addr always;
    }
  }
}
`;
}
