import { describe, expect, it } from "vitest";
import { successReturnUrl } from "./return-url";

describe("successReturnUrl", () => {
  it("adds the session id and keeps the shop's own query and fragment", () => {
    expect(successReturnUrl("https://shop.example/thanks?order=7&lang=sw#top", "cs_abc")).toBe(
      "https://shop.example/thanks?order=7&lang=sw&checkout_session_id=cs_abc#top",
    );
  });

  it("replaces a session id already there rather than adding a second", () => {
    expect(successReturnUrl("http://localhost:3000/done?checkout_session_id=old", "cs_new")).toBe(
      "http://localhost:3000/done?checkout_session_id=cs_new",
    );
  });

  it("works on a bare origin", () => {
    expect(successReturnUrl("https://shop.example", "cs_1")).toBe(
      "https://shop.example/?checkout_session_id=cs_1",
    );
  });
});
