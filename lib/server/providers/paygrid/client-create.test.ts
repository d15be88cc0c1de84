import { describe, expect, it } from "vitest";
import {
  API_KEY,
  BASE,
  PAYMENT_ID,
  client,
  createBody,
  envelope,
  fakeFetch,
  record,
} from "@/test/paygrid-client-fakes";

// The PayGrid client's create: the request it sends and the answers it accepts
// (docs/providers.md#paygrid-create).

describe("createPayment", () => {
  it("posts the body with auth, JSON, user agent and the Idempotency-Key; 201 is a new payment", async () => {
    const fake = fakeFetch(envelope(201, record));
    const result = await client(fake).createPayment(createBody, "key-1");

    expect(result.replayed).toBe(false);
    expect(result.payment).toEqual(record);
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call?.url).toBe(`${BASE}/payments`);
    expect(call?.method).toBe("POST");
    expect(call?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(call?.headers.get("idempotency-key")).toBe("key-1");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.headers.get("accept")).toBe("application/json");
    expect(call?.headers.get("user-agent")).toBe("Malipo/0.1");
    expect(call?.redirect).toBe("manual");
    expect(JSON.parse(call?.body ?? "")).toEqual(createBody);
  });

  it("reports a 200 as a replay of the payment the key already made", async () => {
    const fake = fakeFetch(envelope(200, record));
    const result = await client(fake).createPayment(createBody, "key-1");
    expect(result).toEqual({ payment: record, replayed: true });
  });

  it("tolerates the older bare-object answer, where even a fresh create is a 200", async () => {
    const bare = { id: PAYMENT_ID, status: "pending", payment_url: "https://pay.test/p/1", qr_code: "qr" };
    const fake = fakeFetch({ status: 200, body: bare });
    const result = await client(fake).createPayment(createBody, "key-1");
    expect(result).toEqual({ payment: bare, replayed: false });
  });

  it("lowercases an uppercase network and accepts missing optional fields", async () => {
    const fake = fakeFetch(
      envelope(201, { id: PAYMENT_ID, status: "pending", network: "AIRTEL", amount: 12.5 }),
    );
    const { payment } = await client(fake).createPayment(createBody, "key-1");
    expect(payment).toEqual({ id: PAYMENT_ID, status: "pending", network: "airtel", amount: 12.5 });
  });

  it("uses a custom user agent and trims a trailing slash off the base URL", async () => {
    const fake = fakeFetch(envelope(201, record));
    await client(fake, { baseUrl: `${BASE}/`, userAgent: "Malipo-Test/9" }).createPayment(createBody, "k");
    expect(fake.calls[0]?.url).toBe(`${BASE}/payments`);
    expect(fake.calls[0]?.headers.get("user-agent")).toBe("Malipo-Test/9");
  });

  it.each([
    ["empty", ""],
    ["longer than 255 characters", "k".repeat(256)],
  ])("refuses an Idempotency-Key that is %s without calling PayGrid", async (_, key) => {
    const fake = fakeFetch();
    await expect(client(fake).createPayment(createBody, key)).rejects.toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });

  it("accepts a 255-character Idempotency-Key", async () => {
    const fake = fakeFetch(envelope(201, record));
    await client(fake).createPayment(createBody, "k".repeat(255));
    expect(fake.calls[0]?.headers.get("idempotency-key")).toHaveLength(255);
  });
});
