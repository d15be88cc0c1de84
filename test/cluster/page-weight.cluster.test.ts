import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  BUDGETS_KIB,
  FRAMEWORK_FLOOR_KIB,
  kib,
  launchChromium,
  TARGETS_KIB,
  weighPage,
  type BudgetedPage,
} from "../page-weight";
import { createdSale, sendWebhook, signIn } from "./cluster-api";
import { MERCHANT_API_KEY, startInstance, startSandbox, stop, waitForStatus, type Child } from "./processes";
import { openStream } from "./sse-client";

// The production build as a shop tablet and a shopper's phone receive it: pages, scripts and styles
// compressed when the browser accepts it, live-status streams never compressed or held back, and each
// page's first-load JS (gzip -9 of every script Chromium loads) within its budget (README "Performance").

const BASE_PORT = 3650 + inject("clusterPortOffset");
let sandbox: Child;
let app: Child;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-page-weight-"));

beforeAll(async () => {
  sandbox = startSandbox(BASE_PORT + 1, [`http://127.0.0.1:${BASE_PORT}`]);
  await waitForStatus(`${sandbox.url}/control/settings`, 401);
  app = startInstance({
    port: BASE_PORT,
    databaseUrl: "",
    paygridBaseUrl: `${sandbox.url}/api/v1`,
    extraEnv: { DATA_DIR: dataDir },
  });
  await waitForStatus(`${app.url}/api/ready`, 200);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (app) await stop(app);
  if (sandbox) await stop(sandbox);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as a browser sends it, without the decoding fetch does, so Content-Encoding is seen as sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

const ACCEPTS = { "accept-encoding": "gzip, deflate, br" };

async function createCheckoutSession(): Promise<string> {
  const response = await fetch(`${app.url}/api/checkout-sessions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${MERCHANT_API_KEY}`,
      "content-type": "application/json",
      "idempotency-key": randomUUID(),
    },
    body: JSON.stringify({
      amount: "12500",
      currency: "TZS",
      reference: `WEIGHT-${Date.now()}`,
      success_url: `${app.url}/checkout/thanks`,
      cancel_url: `${app.url}/checkout/thanks?cancelled=1`,
    }),
  });
  if (response.status !== 201) throw new Error(`checkout session answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

describe("compression", () => {
  it("serves a page, its scripts and its styles compressed when the browser accepts it, plain when not", async () => {
    const page = await rawGet(`${app.url}/sign-in`, ACCEPTS);
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toMatch(/^(gzip|br)$/);

    const plain = await rawGet(`${app.url}/sign-in`, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const html = plain.body.toString("utf8");
    const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1]!,
    );
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of new Set(assets)) {
      const answer = await rawGet(`${app.url}${asset}`, ACCEPTS);
      expect(answer.status, asset).toBe(200);
      expect(answer.headers["content-encoding"], asset).toMatch(/^(gzip|br)$/);
      expect(answer.body.length, asset).toBeLessThan(Number(answer.headers["content-length"] ?? Infinity));
    }
  });

  it("serves JSON answers compressed", async () => {
    const answer = await rawGet(`${app.url}/api/openapi.json`, ACCEPTS);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toMatch(/^(gzip|br)$/);
  });

  it("sends a live-status stream uncompressed, each frame as it happens", async () => {
    const cookie = await signIn(app.url);
    const sale = await createdSale(app.url, cookie);
    const stream = await openStream(`${app.url}/api/payments/${sale.id}/events`, { cookie, ...ACCEPTS });
    try {
      expect(stream.headers["content-encoding"]).toBeUndefined();
      expect(stream.headers["cache-control"]).toContain("no-transform");
      // The current state arrives on its own, before anything else happens: a buffering (compressing)
      // server would hold it back until more bytes came or the stream ended.
      await expect.poll(() => stream.frames.filter((f) => f.event === "payment").length).toBe(1);
      const beforeWebhook = stream.frames.length;
      expect((await sendWebhook(app.url, sale, "completed")).status).toBe(200);
      await expect
        .poll(() => stream.frames.some((f) => f.event === "payment" && f.data?.status === "completed"))
        .toBe(true);
      expect(stream.frames.slice(0, beforeWebhook).some((f) => f.data?.status === "completed")).toBe(false);
    } finally {
      stream.close();
    }
  });
});

describe("first-load JS budgets (gzip -9 of every script the page loads)", () => {
  it("keeps the register, the shopper's checkout and sign-in within their budgets", async () => {
    const cookie = await signIn(app.url);
    const pages: Record<BudgetedPage, { url: string; cookie?: string }> = {
      register: { url: `${app.url}/register`, cookie },
      checkout: { url: `${app.url}/checkout/${await createCheckoutSession()}` },
      signIn: { url: `${app.url}/sign-in` },
    };
    const figures: Record<string, string> = {};
    const over: string[] = [];
    for (const [name, { url, cookie: c }] of Object.entries(pages) as [
      BudgetedPage,
      { url: string; cookie?: string },
    ][]) {
      const weight = await weighPage(browser, url, c);
      const budget = BUDGETS_KIB[name];
      const line =
        `${kib(weight.gzipBytes).toFixed(1)} KiB gzip (${weight.scripts} scripts, ` +
        `${kib(weight.rawBytes).toFixed(1)} KiB raw) / budget ${budget} KiB ` +
        `(target ${TARGETS_KIB[name]}, framework floor ${FRAMEWORK_FLOOR_KIB})`;
      figures[name] = line;
      console.log(`page weight ${name}: ${line}`);
      if (kib(weight.gzipBytes) > budget) {
        over.push(
          `${name}: ${line}; heaviest: ${weight.files
            .slice(0, 5)
            .map((f) => `${f.path} ${kib(f.gzip).toFixed(1)}`)
            .join(", ")}`,
        );
      }
    }
    expect(over, JSON.stringify(figures, null, 2)).toEqual([]);
  });
});
