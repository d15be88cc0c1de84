import { describe, expect, it } from "vitest";
import {
  PAYMENT_ID,
  client,
  createBody,
  envelope,
  errorReply,
  failure,
  fakeFetch,
  record,
} from "@/test/paygrid-client-fakes";

// How the PayGrid client turns error envelopes and unusable answers into typed errors
// (docs/providers.md#paygrid-errors).

describe("error envelopes", () => {
  const fieldDetails = [{ field: "customer.email", message: "must be a valid email" }];
  const declineDetails = { transaction_id: PAYMENT_ID, status: "failed", reference: "ORDER_123" };
  const duplicateDetails = {
    existing_transaction_id: PAYMENT_ID,
    existing_status: "pending",
    reference: "ORDER_123",
  };

  it.each([
    [400, "VALIDATION_ERROR", fieldDetails, false],
    [400, "PAYMENT_FAILED", undefined, false],
    [400, "IDEMPOTENCY_KEY_REQUIRED", undefined, false],
    [402, "PAYMENT_DECLINED", declineDetails, false],
    [409, "DUPLICATE_REFERENCE", duplicateDetails, false],
    [403, "TRANSACTION_BLOCKED", undefined, false],
    [403, "TEST_MODE_UNAVAILABLE", undefined, false],
    [401, "unauthorized", undefined, false],
    [401, "invalid_api_key", undefined, false],
    [404, "NOT_FOUND", undefined, false],
    [502, "PROVIDER_UNAVAILABLE", undefined, true],
    [502, "PROVIDER_ERROR", undefined, true],
    [429, "RATE_LIMITED", undefined, true],
    [500, "INTERNAL_ERROR", undefined, true],
  ])(
    "HTTP %i %s → PayGridError with that code and details",
    async (status, errorCode, details, retryable) => {
      const fake = fakeFetch(errorReply(status, errorCode, details, `about ${errorCode}`));
      const error = await failure(client(fake, { maxRetries: 0 }).createPayment(createBody, "key-1"));
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe("PayGridError");
      expect(error.status).toBe(status);
      expect(error.errorCode).toBe(errorCode);
      expect(error.details).toEqual(details);
      expect(error.retryable).toBe(retryable);
      expect(error.message).toBe(`about ${errorCode}`);
    },
  );

  it("keeps the error_code when details have an unexpected shape", async () => {
    const fake = fakeFetch(errorReply(400, "VALIDATION_ERROR", "amount is wrong"));
    const error = await failure(client(fake).createPayment(createBody, "key-1"));
    expect(error.errorCode).toBe("VALIDATION_ERROR");
    expect(error.details).toBeUndefined();
  });

  it("treats an error envelope inside a 2xx answer as the error it says it is", async () => {
    const fake = fakeFetch({
      status: 200,
      body: { status: "error", code: 400, error_code: "PAYMENT_FAILED", message: "x" },
    });
    const error = await failure(client(fake).createPayment(createBody, "key-1"));
    expect(error.errorCode).toBe("PAYMENT_FAILED");
    expect(error.status).toBe(200);
    expect(error.retryable).toBe(false);
  });
});

describe("unusable answers → BAD_RESPONSE with the HTTP status kept", () => {
  it("a 2xx HTML page", async () => {
    const fake = fakeFetch({ status: 200, text: "<html>hello</html>" });
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 200, errorCode: "BAD_RESPONSE", retryable: false });
    expect(fake.calls).toHaveLength(1);
  });

  it("an empty 201", async () => {
    const fake = fakeFetch({ status: 201, text: "" });
    const error = await failure(client(fake).createPayment(createBody, "k"));
    expect(error).toMatchObject({ status: 201, errorCode: "BAD_RESPONSE", retryable: false });
  });

  it("a record without an id", async () => {
    const fake = fakeFetch(envelope(201, { status: "pending", amount: 5000 }));
    const error = await failure(client(fake).createPayment(createBody, "k"));
    expect(error).toMatchObject({ status: 201, errorCode: "BAD_RESPONSE" });
    expect(error.message).toContain("id");
  });

  it("an amount sent as a string (amounts are JSON numbers, §5.2)", async () => {
    const fake = fakeFetch(envelope(200, { ...record, amount: "5000" }));
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 200, errorCode: "BAD_RESPONSE" });
    expect(error.message).toContain("amount");
  });

  it("events that are not an array", async () => {
    const fake = fakeFetch(envelope(200, { id: "e1" }));
    await expect(client(fake).getPaymentEvents(PAYMENT_ID)).rejects.toMatchObject({
      errorCode: "BAD_RESPONSE",
    });
  });

  it("a 502 gateway page is retryable (the status says so) and becomes BAD_RESPONSE 502 at the end", async () => {
    const html = { status: 502, text: "<html>Bad gateway</html>" };
    const fake = fakeFetch(html, html);
    const error = await failure(client(fake, { maxRetries: 1 }).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 502, errorCode: "BAD_RESPONSE", retryable: true });
    expect(fake.calls).toHaveLength(2);
  });

  it("a 404 without a body", async () => {
    const fake = fakeFetch({ status: 404, text: "" });
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 404, errorCode: "BAD_RESPONSE", retryable: false });
    expect(fake.calls).toHaveLength(1);
  });

  it("a redirect is not followed (it would carry the bearer key elsewhere)", async () => {
    const fake = fakeFetch({ status: 302, text: "", headers: { location: "https://elsewhere.test/" } });
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 302, errorCode: "BAD_RESPONSE", retryable: false });
    expect(fake.calls).toHaveLength(1);
  });
});
