import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, openApiText } from "./openapi-document";

// docs/openapi.json is generated (npm run openapi). When a schema or a route changes and the file does
// not, this fails: regenerate and commit the new document with the change.

describe("OpenAPI document", () => {
  const checkedIn = fs.readFileSync(path.join(process.cwd(), "docs/openapi.json"), "utf8");

  it("matches the checked-in docs/openapi.json (run npm run openapi after changing a schema)", () => {
    expect(checkedIn).toBe(openApiText());
  });

  it("covers every API route of the app", () => {
    const routes = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return routes(full);
        return entry.name === "route.ts" ? [path.dirname(full)] : [];
      });
    const appPaths = routes(path.join(process.cwd(), "app/api"))
      .map((dir) => `/${path.relative(path.join(process.cwd(), "app"), dir).split(path.sep).join("/")}`)
      .map((p) => p.replace(/\[([^\]]+)\]/g, "{$1}"))
      .sort();
    expect(Object.keys(openApiDocument().paths ?? {}).sort()).toEqual(appPaths);
  });

  it("documents the error shape and the Idempotency-Key header on payment creation", () => {
    const doc = openApiDocument();
    const create = doc.paths?.["/api/payments"]?.post;
    expect(create?.parameters).toContainEqual(
      expect.objectContaining({ in: "header", name: "Idempotency-Key", required: true }),
    );
    expect(JSON.stringify(create?.responses?.["400"])).toContain("#/components/schemas/Error");
    expect(doc.components?.schemas?.Error).toBeDefined();
    expect(doc.components?.schemas?.Payment).toBeDefined();
  });
});
