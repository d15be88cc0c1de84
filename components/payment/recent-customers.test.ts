import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetRecentCustomers, loadRecentCustomers, rememberCustomer } from "./recent-customers";

// The browser's localStorage, as a Map, for the node test environment.
beforeEach(() => {
  const store = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  });
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe("recent customers on a shared tablet", () => {
  it("are forgotten at sign-out", () => {
    rememberCustomer({
      firstname: "Asha",
      lastname: "Mushi",
      email: "asha@example.com",
      phone: "0712345678",
    });
    expect(loadRecentCustomers()).toHaveLength(1);
    forgetRecentCustomers();
    expect(loadRecentCustomers()).toEqual([]);
  });
});
