import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/server/http/api-error";
import { requireWellFormedId } from "@/lib/server/http/path-id";

describe("requireWellFormedId", () => {
  it("passes ids as they are made", () => {
    expect(requireWellFormedId("pay_3hN2kQ9xVbL7-_a", "pay", "No such payment.")).toBe("pay_3hN2kQ9xVbL7-_a");
    expect(requireWellFormedId("stf_test_0a1b", "stf", "No such staff member.")).toBe("stf_test_0a1b");
  });

  it.each([
    ["a NUL byte", "pay_abc\u0000"],
    ["another prefix", "reg_abc"],
    ["no prefix", "abc"],
    ["a path", "pay_../../etc"],
    ["a huge id", `pay_${"x".repeat(50_000)}`],
    ["nothing", ""],
  ])("answers 404 for %s", (_, id) => {
    let error: unknown;
    try {
      requireWellFormedId(id, "pay", "No such payment.");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("NOT_FOUND");
  });
});
