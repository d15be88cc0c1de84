import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/server/openapi/openapi-document";
import { GET } from "./route";

// GET /api/openapi.json is open to every role: anonymous callers, shoppers, cashiers and merchant
// servers get the same document (it takes no request, so no cookie or key can change the answer).

describe("GET /api/openapi.json", () => {
  it("answers every caller with the OpenAPI 3.1 document", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
