import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetRecentCustomers, loadRecentCustomers, rememberCustomer } from "./recent-customers";

// The browser's localStorage, as a Map, for the node test environment.
let store: Map<string, string>;
beforeEach(() => {
  store = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
      key: (i: number) => [...store.keys()][i] ?? null,
      get length() {
        return store.size;
      },
    },
  });
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

const asha = { firstname: "Asha", lastname: "Mushi", email: "asha@example.com", phone: "0712345678" };
const juma = { firstname: "Juma", lastname: "Ali", email: "juma@example.com", phone: "0754000111" };

describe("recent customers on a shared tablet", () => {
  it("are kept per staff member: one cashier's customers are never offered to another", () => {
    rememberCustomer("stf_zawadi", asha);
    rememberCustomer("stf_baraka", juma);
    expect(loadRecentCustomers("stf_zawadi")).toEqual([asha]);
    expect(loadRecentCustomers("stf_baraka")).toEqual([juma]);
    expect(loadRecentCustomers("stf_new")).toEqual([]);
  });

  it("are forgotten for everyone at sign-out and Switch cashier, the old unkeyed list too", () => {
    rememberCustomer("stf_zawadi", asha);
    rememberCustomer("stf_baraka", juma);
    store.set("malipo.recentCustomers", JSON.stringify([asha]));
    store.set("malipo.locale", "sw");
    forgetRecentCustomers();
    expect(loadRecentCustomers("stf_zawadi")).toEqual([]);
    expect(loadRecentCustomers("stf_baraka")).toEqual([]);
    expect([...store.keys()]).toEqual(["malipo.locale"]);
  });
});
