import { afterEach, describe, expect, it, vi } from "vitest";
import { log, runWithRequestId } from "@/lib/server/log";
import { requestIdFor } from "./request-gate";

describe("request ids", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps a sane incoming X-Request-Id and replaces anything else with a UUID", () => {
    expect(requestIdFor("lb-7f3a.42")).toBe("lb-7f3a.42");
    expect(requestIdFor(["abc:1", "second"])).toBe("abc:1");
    for (const bad of [undefined, "", "a b", "x".repeat(129), "new\nline", "<script>"]) {
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("puts the request's id on every log line written while it is served, across awaits", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((line: string | Uint8Array) => {
      lines.push(String(line));
      return true;
    });
    await runWithRequestId("req-42", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info("inside", { paymentId: "pay_1", apiKey: "sk_live_x" });
    });
    log.info("outside");
    const [inside, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ level: "info", msg: "inside", requestId: "req-42", apiKey: "[redacted]" });
    expect(outside).not.toHaveProperty("requestId");
  });
});
