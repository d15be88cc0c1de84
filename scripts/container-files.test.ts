import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

// The image and the compose file (README "Image and compose"). No container runtime is needed here: the
// standalone server is run as the image's CMD runs it by test/cluster/standalone.cluster.test.ts, and
// `docker compose config` is checked wherever Docker with the compose plugin exists.

const dockerfile = fs.readFileSync("Dockerfile", "utf8");
const compose = fs.readFileSync("compose.yaml", "utf8");
const caddyfile = fs.readFileSync("deploy/Caddyfile", "utf8");
const hasCompose = spawnSync("docker", ["compose", "version"], { stdio: "ignore" }).status === 0;

describe("the container image", () => {
  it("runs the standalone server as a non-root user, with a health check and the migrations", () => {
    expect(dockerfile).toMatch(/^FROM .* AS build$/m);
    expect(dockerfile).toMatch(/^USER malipo$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
    expect(dockerfile).toContain('CMD ["node", "server.js"]');
    expect(dockerfile).toContain("COPY --from=build --chown=malipo:malipo /src/.next/standalone ./");
    expect(fs.readFileSync("scripts/assemble-standalone.sh", "utf8")).toContain("lib/server/db/migrations");
  });
});

describe("compose.yaml", () => {
  it("runs two instances on one PostgreSQL behind a proxy configured for SSE", () => {
    expect(compose).toMatch(/^ {2}malipo-a:$/m);
    expect(compose).toMatch(/^ {2}malipo-b:$/m);
    expect(compose).toContain('TRUSTED_PROXY_HOPS: "1"');
    expect(caddyfile).toContain("flush_interval -1");
    expect(caddyfile).toContain("health_uri /api/ready");
  });

  it.skipIf(!hasCompose)("passes docker compose config", () => {
    const output = execFileSync("docker", ["compose", "config", "--quiet"], {
      env: { ...process.env, MALIPO_SESSION_SECRET: "x".repeat(32), MALIPO_MERCHANT_API_KEY: "y".repeat(16) },
      encoding: "utf8",
    });
    expect(output).toBe("");
  });
});
