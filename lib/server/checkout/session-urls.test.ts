import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { KEY_MIXES } from "@/test/live-mixes";
import { rejection } from "@/test/rejection";
import { checkSessionUrls } from "./session-urls";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-urls-"));
afterAll(() => {
  resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const live = (extra: Record<string, string> = {}) =>
  resetEnvForTests({
    ...KEY_MIXES[2]!.env,
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: "https://pay.shop.example",
    ...extra,
  });
const urls = (over: Record<string, string> = {}) => ({
  success_url: "https://shop.example/thanks",
  cancel_url: "https://shop.example/cart",
  ...over,
});

describe("checkout session URLs", () => {
  it("only the merchant key may set webhook_url", async () => {
    live();
    const error = await rejection(
      checkSessionUrls("register:reg_1", urls({ webhook_url: "https://hooks.example/x" })),
    );
    expect(error.code).toBe("FORBIDDEN");
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:5432/",
    "http://[::1]:6379/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://10.0.0.7/hook",
    "http://100.64.1.1/hook",
    "http://224.0.0.1/",
    "http://localhost:8080/",
  ])("refuses webhook_url %s with 400 VALIDATION_ERROR on webhook_url", async (webhookUrl) => {
    live();
    const error = await rejection(checkSessionUrls("merchant", urls({ webhook_url: webhookUrl })));
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.status).toBe(400);
    expect(error.extra.fields?.map((f) => f.path)).toEqual(["webhook_url"]);
  });

  it("allows a loopback webhook_url in sandbox mode (the demo), never a private one", async () => {
    resetEnvForTests({ DATA_DIR: dataDir, SESSION_SECRET: "s".repeat(40) });
    await expect(
      checkSessionUrls("merchant", urls({ webhook_url: "http://127.0.0.1:5500/hooks" })),
    ).resolves.toBeUndefined();
    await expect(
      rejection(checkSessionUrls("merchant", urls({ webhook_url: "http://192.168.0.2/hooks" }))),
    ).resolves.toMatchObject({ code: "VALIDATION_ERROR" });
  });

  it("a cashier's link returns to Malipo's own pages only (no open redirect)", async () => {
    live();
    const error = await rejection(checkSessionUrls("register:reg_1", urls()));
    expect(error.extra.fields?.map((f) => f.path)).toEqual(["success_url", "cancel_url"]);
    await expect(
      checkSessionUrls(
        "register:reg_1",
        urls({
          success_url: "https://pay.shop.example/checkout/thanks",
          cancel_url: "https://pay.shop.example/checkout/thanks?cancelled=1",
        }),
      ),
    ).resolves.toBeUndefined();
  });

  it("MERCHANT_REDIRECT_ORIGINS limits the merchant's success_url and cancel_url", async () => {
    live({ MERCHANT_REDIRECT_ORIGINS: "https://shop.example, https://www.shop.example" });
    await expect(checkSessionUrls("merchant", urls())).resolves.toBeUndefined();
    const error = await rejection(
      checkSessionUrls("merchant", urls({ cancel_url: "https://evil.example/phish" })),
    );
    expect(error.extra.fields?.map((f) => f.path)).toEqual(["cancel_url"]);
    // Unset, any http(s) origin is the merchant's choice.
    live();
    await expect(
      checkSessionUrls("merchant", urls({ cancel_url: "https://elsewhere.example/" })),
    ).resolves.toBeUndefined();
  });
});
