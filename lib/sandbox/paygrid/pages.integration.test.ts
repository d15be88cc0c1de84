import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEmv } from "@/lib/emv-qr";
import { paymentBody, startTestSandbox, type TestSandbox } from "@/test/paygrid-sandbox";

// The simulated customer (§17.4) and what qr_code holds (§17.6).

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb.close();
});

async function create(type: "mobile" | "card" | "dynamic-qr", overrides: Record<string, unknown> = {}) {
  const res = await sb.create(paymentBody(type, overrides));
  expect(res.status).toBe(201);
  return res.body.data as Record<string, unknown> & { id: string };
}

async function post(path: string, form: Record<string, string> = {}) {
  return fetch(`${sb.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
}

async function status(id: string): Promise<unknown> {
  return ((await sb.call("GET", `/api/v1/payments/${id}`)).body.data as Record<string, unknown>).status;
}

describe("dynamic-qr customer's phone", () => {
  it("shows the QR, amount and accessible buttons posting to /pay/{id}/…", async () => {
    const p = await create("dynamic-qr", { amount: 12500 });
    const res = await fetch(String(p.payment_url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("<svg");
    expect(html).toContain("TZS 12,500.00");
    for (const [action, label] of [
      ["approve", "Approve payment"],
      ["decline", "Decline payment"],
      ["cancel", "Cancel payment"],
    ]) {
      expect(html).toContain(`action="/pay/${p.id}/${action}"`);
      expect(html).toContain(`>${label}</button>`);
    }
  });

  it.each([
    ["approve", "completed"],
    ["decline", "failed"],
    ["cancel", "cancelled"],
  ])("%s → %s and back to the page, which then shows the status", async (action, expected) => {
    const p = await create("dynamic-qr");
    const res = await post(`/pay/${p.id}/${action}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/pay/${p.id}`);
    expect(await status(p.id)).toBe(expected);
    const page = await (await fetch(String(p.payment_url))).text();
    expect(page).toContain(`data-status="${expected}"`);
    expect(page).not.toContain("Approve payment");
    const again = await post(`/pay/${p.id}/approve`);
    expect(again.status).toBe(409);
    expect(await status(p.id)).toBe(expected);
  });

  it("qr_code is a TANQR payload with amount, currency and reference", async () => {
    const p = await create("dynamic-qr", { amount: 1000, reference: "CIR-6723e8ss6" });
    const emv = parseEmv(String(p.qr_code));
    if (!emv.ok) throw new Error(emv.error);
    expect(emv.get("01")).toBe("12");
    expect(emv.get("54")).toBe("1000.00");
    expect(emv.get("53")).toBe("834");
    expect(emv.get("58")).toBe("TZ");
    expect(emv.get("62.05")).toBe("CIR-6723e8ss6");
    expect(emv.get("26.00")).toBe("tz.go.bot.tips");

    const usd = await create("dynamic-qr", { amount: 10.5, currency: "USD" });
    const usdEmv = parseEmv(String(usd.qr_code));
    if (!usdEmv.ok) throw new Error(usdEmv.error);
    expect(usdEmv.get("54")).toBe("10.50");
    expect(usdEmv.get("53")).toBe("840");
    expect(usdEmv.get("62.05")).toBe(usd.external_id);
  });

  it("qrMode wrong-amount encodes amount + 1; payment-url falls back to the URL", async () => {
    await sb.call("PUT", "/control/settings", { qrMode: "wrong-amount" });
    const wrong = await create("dynamic-qr", { amount: 1000 });
    const emv = parseEmv(String(wrong.qr_code));
    if (!emv.ok) throw new Error(emv.error);
    expect(emv.get("54")).toBe("1001.00");
    await sb.call("PUT", "/control/settings", { qrMode: "payment-url" });
    const url = await create("dynamic-qr");
    expect(url.qr_code).toBe(url.payment_url);
    await sb.call("PUT", "/control/settings", { qrMode: "tanqr" });
  });
});

describe("card checkout", () => {
  it("4242… completes and redirects to redirect_url", async () => {
    const p = await create("card");
    const page = await (await fetch(String(p.payment_url))).text();
    expect(page).toContain('<label for="card_number">Card number</label>');
    expect(page).toContain(">Pay now</button>");
    const res = await post(`/pay/${p.id}/card`, {
      card_number: "4242 4242 4242 4242",
      expiry: "12/34",
      cvc: "123",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://shop.example.com/ok");
    expect(await status(p.id)).toBe("completed");
  });

  it("4000…0002 fails and says declined with a link to cancel_url", async () => {
    const p = await create("card");
    const res = await post(`/pay/${p.id}/card`, { card_number: "4000000000000002" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("declined");
    expect(html).toContain('href="https://shop.example.com/cancel"');
    expect(await status(p.id)).toBe("failed");
  });

  it("an unknown card is refused without a status change; Cancel → cancel_url", async () => {
    const p = await create("card");
    const bad = await post(`/pay/${p.id}/card`, { card_number: "1111222233334444" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('role="alert"');
    expect(await status(p.id)).toBe("pending");
    const cancel = await post(`/pay/${p.id}/cancel`);
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe("https://shop.example.com/cancel");
    expect(await status(p.id)).toBe("cancelled");
  });
});

describe("mobile USSD prompt", () => {
  it("has no payment_url but a prompt page; any 4-digit PIN completes", async () => {
    const p = await create("mobile");
    expect(p.payment_url).toBeUndefined();
    const html = await (await fetch(`${sb.url}/pay/${p.id}`)).text();
    expect(html).toContain(">Confirm payment</button>");
    expect(html).toContain(">Reject payment</button>");
    expect((await post(`/pay/${p.id}/pin`, { pin: "12" })).status).toBe(400);
    expect(await status(p.id)).toBe("pending");
    const ok = await post(`/pay/${p.id}/pin`, { pin: "4821" });
    expect(ok.status).toBe(303);
    expect(await status(p.id)).toBe("completed");
  });

  it.each([
    ["reject", "failed"],
    ["cancel", "cancelled"],
  ])("%s → %s", async (action, expected) => {
    const p = await create("mobile");
    expect((await post(`/pay/${p.id}/${action}`)).status).toBe(303);
    expect(await status(p.id)).toBe(expected);
  });

  it("unknown payment → 404 page; an action of another type → 404", async () => {
    expect((await fetch(`${sb.url}/pay/${crypto.randomUUID()}`)).status).toBe(404);
    const p = await create("mobile");
    expect((await post(`/pay/${p.id}/approve`)).status).toBe(404);
    expect(await status(p.id)).toBe("pending");
  });
});
