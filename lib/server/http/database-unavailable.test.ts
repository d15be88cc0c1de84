import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

const pgError = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises a terminated backend, a refused connection and a dropped socket, also when wrapped", () => {
    expect(
      isDatabaseUnavailable(pgError("57P01", "terminating connection due to administrator command")),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("Failed query: select 1", { cause: pgError("ECONNREFUSED") })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(pgError("08006"))).toBe(true);
  });

  it("leaves real bugs and constraint errors as they are", () => {
    expect(isDatabaseUnavailable(pgError("23505", "duplicate key value"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable("a string")).toBe(false);
  });
});

describe("handleRouteError with the database away", () => {
  it("answers 503 SERVICE_UNAVAILABLE, retryable, with no stack", async () => {
    const { handleRouteError } = await import("./handle-route-error");
    const response = handleRouteError(
      new Error("Failed query", {
        cause: pgError("57P01", "terminating connection due to administrator command"),
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    const body = (await response.json()) as { error: { code: string; retryable: boolean; message: string } };
    expect(body.error).toMatchObject({ code: "SERVICE_UNAVAILABLE", retryable: true });
    expect(body.error.message).not.toMatch(/at |57P01|administrator/);
  });
});
