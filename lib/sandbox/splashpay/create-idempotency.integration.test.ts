import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSplashSandbox, tanqrBody, type SplashTestSandbox } from "@/test/splashpay-sandbox";
import { dataOf } from "@/test/splashpay-sandbox-fixtures";

// How the SplashPay sandbox binds Idempotency-Keys and references, and keeps them across a restart
// (docs/providers.md#splashpay-create, docs/providers.md#splashpay-sandbox).

describe("SplashPay sandbox: create idempotency", () => {
  let sb: SplashTestSandbox;
  beforeAll(async () => {
    sb = await startSplashSandbox();
  });
  afterAll(async () => sb.close());

  it("answers a reused key with 409 DUPLICATE_REQUEST, whatever the body", async () => {
    const key = crypto.randomUUID();
    const body = tanqrBody();
    expect((await sb.create(body, key)).status).toBe(200);
    for (const again of [body, tanqrBody(), { nonsense: true }]) {
      const res = await sb.create(again, key);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        status: "error",
        code: "DUPLICATE_REQUEST",
        message: "A request with this Idempotency-Key has already been processed.",
      });
    }
  });

  it("answers a reused reference under a new key with 409 DUPLICATE_REQUEST", async () => {
    const body = tanqrBody();
    expect((await sb.create(body)).status).toBe(200);
    const res = await sb.create(body);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      status: "error",
      code: "DUPLICATE_REQUEST",
      message: "A payment with this reference already exists.",
    });
  });

  it("only a 200 binds a key: a refused request can be retried with the same key", async () => {
    const key = crypto.randomUUID();
    expect((await sb.create(tanqrBody({ buyer_phone: "bad" }), key)).status).toBe(400);
    expect((await sb.create(tanqrBody(), key)).status).toBe(200);
  });

  it("with replayIdenticalRequests replays an identical body byte for byte, still refusing a different one", async () => {
    await sb.settings({ replayIdenticalRequests: true });
    try {
      const key = crypto.randomUUID();
      const body = tanqrBody();
      const first = await sb.create(body, key);
      const replay = await sb.create(body, key);
      expect(replay.status).toBe(200);
      expect(replay.text).toBe(first.text);
      expect(replay.body.request_id).toBe(first.body.request_id);
      expect((await sb.create({ ...body, amount: 2000 }, key)).status).toBe(409);
    } finally {
      await sb.settings({ replayIdenticalRequests: false });
    }
  });

  it("gives every success its own request_id", async () => {
    const a = await sb.create(tanqrBody());
    const b = await sb.create(tanqrBody());
    expect(a.body.request_id).not.toBe(b.body.request_id);
  });

  it("keeps key pairs apart: another pair cannot see a payment", async () => {
    await sb.settings({
      apiKeys: [
        { key: "pk_test_malipo_sandbox", secret: "sk_test_malipo_sandbox" },
        { key: "pk_test_other", secret: "sk_test_other" },
      ],
    });
    const body = tanqrBody();
    await sb.create(body);
    const other = await sb.call(
      "POST",
      "/api/v1/payments/check-status",
      { reference: body.reference },
      {
        "x-api-key": "pk_test_other",
        "x-api-secret": "sk_test_other",
      },
    );
    expect(other.status).toBe(404);
  });
});

describe("SplashPay sandbox: persistence", () => {
  it("keeps payments and idempotency keys across a restart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "splash-state-"));
    const stateFile = path.join(dir, "splashpay.json");
    try {
      const key = crypto.randomUUID();
      const body = tanqrBody();
      const first = await startSplashSandbox({}, { stateFile });
      await first.create(body, key);
      await first.call("POST", `/control/payments/${String(body.reference)}/process`);
      await first.close();
      const second = await startSplashSandbox({}, { stateFile });
      try {
        const res = await second.call("POST", "/api/v1/payments/check-status", { reference: body.reference });
        expect(dataOf(res.body).status).toBe("processing");
        expect((await second.create(tanqrBody(), key)).status).toBe(409);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
