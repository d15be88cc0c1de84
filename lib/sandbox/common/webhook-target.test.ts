import { describe, expect, it } from "vitest";
import { isAppUrl, webhookTargetRefusal } from "./webhook-target";

// The one rule both sandbox mounts apply to a webhook URL a caller names (README "Webhooks go only to the app").

const APP = "http://127.0.0.1:3000";

function put(body: unknown): Request {
  return new Request("http://sandbox.test/control/settings", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("a sandbox's webhook target", () => {
  it("is a page of the app, not a look-alike of its origin", () => {
    expect(isAppUrl(`${APP}/api/webhooks/paygrid`, [APP])).toBe(true);
    expect(isAppUrl(`${APP}/api/webhooks/paygrid`, [`${APP}/`])).toBe(true);
    for (const url of [
      APP,
      "http://127.0.0.1:30000/api/webhooks/paygrid",
      "http://127.0.0.1:3000@10.0.0.1/api/webhooks/paygrid",
      "http://127.0.0.1:3000.evil.example/api",
      "https://127.0.0.1:3000/api/webhooks/paygrid",
      "http://10.0.0.1/?u=http://127.0.0.1:3000/",
    ]) {
      expect(isAppUrl(url, [APP])).toBe(false);
    }
  });

  it("refuses a write naming another URL with 400 VALIDATION_ERROR on that field", async () => {
    const refused = await webhookTargetRefusal(put({ webhook_url: "http://169.254.169.254/" }), [APP]);
    expect(refused?.status).toBe(400);
    expect(await refused?.json()).toEqual({
      error: {
        code: "VALIDATION_ERROR",
        message: "The sandbox sends webhooks to its app only.",
        fields: [{ path: "webhook_url", message: `must start with ${APP}/` }],
      },
    });
    const notAString = await webhookTargetRefusal(put({ webhookUrl: 42 }), [APP]);
    expect(notAString?.status).toBe(400);
  });

  it("lets through the app's own URL, a cleared URL, reads and bodies that are not JSON", async () => {
    expect(
      await webhookTargetRefusal(put({ webhookUrl: `${APP}/api/webhooks/splashpay` }), [APP]),
    ).toBeNull();
    expect(await webhookTargetRefusal(put({ webhookUrl: null }), [APP])).toBeNull();
    expect(await webhookTargetRefusal(put({ expirySeconds: 60 }), [APP])).toBeNull();
    expect(await webhookTargetRefusal(new Request("http://sandbox.test/control/settings"), [APP])).toBeNull();
    const text = new Request("http://sandbox.test/api/v1/payments", { method: "POST", body: "not json" });
    expect(await webhookTargetRefusal(text, [APP])).toBeNull();
  });
});
