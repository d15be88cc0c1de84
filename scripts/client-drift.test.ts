import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_ROUTES } from "@/clients/typescript/malipo-client";
import { CLIENT_TYPES_FILE, formattedClientTypes } from "./generate-client-types";

// The typed client in clients/typescript is generated from docs/openapi.json and must compile on its own
// (with the example shop that uses it), outside this app's tsconfig and path aliases.

describe("the TypeScript client", () => {
  it("has the types docs/openapi.json generates (run npm run client after npm run openapi)", async () => {
    const checkedIn = fs.readFileSync(path.join(process.cwd(), CLIENT_TYPES_FILE), "utf8");
    expect(checkedIn).toBe(await formattedClientTypes());
  });

  it("calls only routes the OpenAPI document has", () => {
    const document = JSON.parse(fs.readFileSync(path.join(process.cwd(), "docs/openapi.json"), "utf8")) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [method, route] of CLIENT_ROUTES) {
      expect(document.paths[route]?.[method], `${method} ${route}`).toBeDefined();
    }
  });

  it("compiles on its own, with the example shop, under strict settings", () => {
    const tsc = spawnSync(
      process.execPath,
      [path.join(process.cwd(), "node_modules/typescript/bin/tsc"), "-p", "clients/typescript/tsconfig.json"],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(`${tsc.stdout}${tsc.stderr}`).toBe("");
    expect(tsc.status).toBe(0);
  }, 120_000);
});
