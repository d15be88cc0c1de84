import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { PayGridError } from "./errors";
import {
  API_KEY,
  PAYMENT_ID,
  client,
  envelope,
  errorReply,
  failure,
  type Reply,
  fakeFetch,
} from "@/test/paygrid-client-fakes";

// The PayGrid client never puts the API key into an error.

describe("the API key never leaks into errors", () => {
  const leaks = (error: PayGridError) =>
    [error.message, String(error), error.stack ?? "", inspect(error, { depth: 5 })].some((s) =>
      s.includes(API_KEY),
    );

  it("not when PayGrid echoes it in its message", async () => {
    const fake = fakeFetch(errorReply(401, "invalid_api_key", undefined, `Key ${API_KEY} is not valid`));
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error.errorCode).toBe("invalid_api_key");
    expect(error.message).toBe("Key [redacted] is not valid");
    expect(leaks(error)).toBe(false);
  });

  it("not when the runtime's network error mentions it", async () => {
    const fake = fakeFetch({ throws: new TypeError(`Invalid header value "Bearer ${API_KEY}"`) });
    const error = await failure(client(fake, { maxRetries: 0 }).getPayment(PAYMENT_ID));
    expect(error.errorCode).toBe("NETWORK_ERROR");
    expect(leaks(error)).toBe(false);
  });

  it("not in any of the client's own messages", async () => {
    const replies: Reply[] = [
      { status: 200, text: "nope" },
      "hang",
      { status: 500, text: "" },
      envelope(200, { id: 1 }),
    ];
    for (const reply of replies) {
      const fake = fakeFetch(reply);
      const error = await failure(client(fake, { maxRetries: 0, timeoutMs: 20 }).getPayment(PAYMENT_ID));
      expect(leaks(error)).toBe(false);
    }
  });
});
