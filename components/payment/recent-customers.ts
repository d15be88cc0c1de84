"use client";

// Recently used customers on this device, so a regular can be picked again instead of retyped.
// Only what the cashier typed is kept, on this device, and at most a handful, under the signed-in staff
// member's id: a register tablet is shared, and one cashier's customers are never offered to the next.

export interface RecentCustomer {
  firstname: string;
  lastname: string;
  email: string;
  phone: string;
  address?: string;
  city?: string;
  state?: string;
  postcode?: string;
  country?: string;
}

// Before customers were kept per staff member they sat under the bare prefix; forgetting clears that too.
const PREFIX = "malipo.recentCustomers";
const MAX = 6;

const keyFor = (staffId: string) => `${PREFIX}.${staffId}`;

export function loadRecentCustomers(staffId: string): RecentCustomer[] {
  try {
    const list = JSON.parse(localStorage.getItem(keyFor(staffId)) ?? "[]") as unknown;
    return Array.isArray(list) ? (list as RecentCustomer[]).slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberCustomer(staffId: string, customer: RecentCustomer): void {
  try {
    const same = (c: RecentCustomer) => c.email === customer.email && c.phone === customer.phone;
    const list = [customer, ...loadRecentCustomers(staffId).filter((c) => !same(c))].slice(0, MAX);
    localStorage.setItem(keyFor(staffId), JSON.stringify(list));
  } catch {
    // storage unavailable: nothing to remember
  }
}

/** Signing out (or *Switch cashier*) forgets every customer this device remembered, for everyone. */
export function forgetRecentCustomers(): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key === PREFIX || key?.startsWith(`${PREFIX}.`)) keys.push(key);
    }
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing was remembered
  }
}
