import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { brandLogo } from "@/lib/server/db/schema";
import { resetEnvForTests } from "@/lib/server/env";
import { merchantBrand } from "@/lib/server/branding/brand";
import * as logoRoute from "@/app/api/brand/logo/route";
import * as sessionRoute from "@/app/api/session/route";
import { AppClient } from "@/test/app-client";
import { testStores } from "@/test/databases";
import { oversizedPng, SCRIPTED_SVG, TINY_PNG } from "@/test/logo-images";
import { addStaff, openShop, ownerClient, pairedDevice, signInWithPin } from "@/test/shop";

// The owner's logo upload (README "Branding"): only the owner, only real PNG/JPEG/WebP bytes up to
// 200 KiB, kept in the database so every instance serves it, served with an ETag and nosniff, and chosen
// over MERCHANT_LOGO_URL. Every refusal says why and leaves the stored logo as it was.

describe.each(testStores())("the uploaded logo on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let cleanup: () => void;
  let owner: AppClient;
  let manager: AppClient;
  let cashier: AppClient;

  const put = (client: AppClient, body: Uint8Array, headers: Record<string, string> = {}) =>
    client.call(logoRoute.PUT, "PUT", "/api/brand/logo", { body, headers });
  const get = (headers: Record<string, string> = {}, query = "") =>
    new AppClient("192.0.2.40").call(logoRoute.GET, "GET", `/api/brand/logo${query}`, { headers });
  const stored = async () => database.db.select().from(brandLogo);

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    ({ cleanup } = await openShop(database, {
      MERCHANT_LOGO_URL: "https://duka.example/logo.png",
      MERCHANT_BRAND_COLOR: "#2563eb",
    }));
    owner = await ownerClient();
    const manager1 = { email: "neema@duka.tz", password: "manager-password-1" };
    await addStaff(owner, { name: "Neema", role: "manager", pin: "1357", ...manager1 });
    manager = new AppClient("198.51.100.8");
    expect((await manager.call(sessionRoute.POST, "POST", "/api/session", { body: manager1 })).status).toBe(
      201,
    );
    const cashierId = await addStaff(owner, { name: "Juma", role: "cashier", pin: "2468" });
    const till = await pairedDevice(owner);
    cashier = till.device;
    expect((await signInWithPin(cashier, cashierId, "2468")).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await drop?.();
    cleanup?.();
    resetEnvForTests();
  });

  it("shows MERCHANT_LOGO_URL until a logo is uploaded, and answers 404 for the image", async () => {
    expect(await merchantBrand(database.db)).toEqual({
      name: expect.any(String),
      logoUrl: "https://duka.example/logo.png",
      color: "#2563eb",
    });
    const missing = await get();
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("refuses anyone but the owner, and stores nothing", async () => {
    const anonymous = await put(new AppClient("192.0.2.41"), TINY_PNG);
    expect(anonymous.status).toBe(401);
    for (const client of [manager, cashier]) {
      const refused = await put(client, TINY_PNG);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
      expect((await client.call(logoRoute.DELETE, "DELETE", "/api/brand/logo")).status).toBe(403);
    }
    const merchant = await put(new AppClient("192.0.2.42", "mk_test_matrix_merchant_key"), TINY_PNG);
    expect(merchant.status).toBe(401);
    expect(await stored()).toEqual([]);
  });

  it("refuses an SVG, a renamed file and an empty body by their bytes, whatever the Content-Type says", async () => {
    for (const body of [SCRIPTED_SVG, new TextEncoder().encode("<html><script>alert(1)</script>")]) {
      const refused = await put(owner, body, { "content-type": "image/png" });
      expect(refused.status).toBe(415);
      const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(error.message).toContain("PNG, JPEG or WebP");
    }
    const empty = await put(owner, new Uint8Array());
    expect(empty.status).toBe(400);
    expect(await stored()).toEqual([]);
  });

  it("refuses an image over 200 KiB, with or without a Content-Length", async () => {
    const big = oversizedPng();
    const withLength: Record<string, string>[] = [{}, { "content-length": String(big.length) }];
    for (const headers of withLength) {
      const refused = await put(owner, big, headers);
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({
        error: { code: "PAYLOAD_TOO_LARGE", message: "The logo is larger than 200 KiB." },
      });
    }
    expect(await stored()).toEqual([]);
  });

  it("stores a PNG sent as application/octet-stream, serves it with an ETag, and prefers it to the URL", async () => {
    const saved = await put(owner, TINY_PNG, { "content-type": "application/octet-stream" });
    expect(saved.status).toBe(200);
    const { logo } = (await saved.json()) as { logo: { url: string; content_type: string; size: number } };
    expect(logo).toMatchObject({ content_type: "image/png", size: TINY_PNG.length });
    expect(logo.url).toMatch(/^\/api\/brand\/logo\?v=[\w-]+$/);
    expect((await merchantBrand(database.db)).logoUrl).toBe(logo.url);

    const served = await get({}, logo.url.slice("/api/brand/logo".length));
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(TINY_PNG);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-disposition")).toBe('inline; filename="logo.png"');
    expect(served.headers.get("cache-control")).toContain("immutable");
    const etag = served.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    // Without the version in the URL the browser must ask again, and the ETag makes that answer empty.
    const plain = await get();
    expect(plain.headers.get("cache-control")).toBe("public, no-cache");
    const again = await get({ "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("keeps the earlier logo when a later upload is refused, and falls back to the URL once removed", async () => {
    const before = await stored();
    expect(before).toHaveLength(1);
    expect((await put(owner, SCRIPTED_SVG)).status).toBe(415);
    expect(await stored()).toEqual(before);

    const removed = await owner.call(logoRoute.DELETE, "DELETE", "/api/brand/logo");
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ logo: null });
    expect(await stored()).toEqual([]);
    expect((await merchantBrand(database.db)).logoUrl).toBe("https://duka.example/logo.png");
    expect((await get()).status).toBe(404);
  });
});
