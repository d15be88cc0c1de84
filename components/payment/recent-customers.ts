"use client";

// Recently used customers on this device, so a regular can be picked again instead of retyped.
// Only what the cashier typed is kept, on this device, and at most a handful.

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

const KEY = "malipo.recentCustomers";
const MAX = 6;

export function loadRecentCustomers(): RecentCustomer[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(list) ? (list as RecentCustomer[]).slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberCustomer(customer: RecentCustomer): void {
  try {
    const same = (c: RecentCustomer) => c.email === customer.email && c.phone === customer.phone;
    const list = [customer, ...loadRecentCustomers().filter((c) => !same(c))].slice(0, MAX);
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage unavailable: nothing to remember
  }
}

/** A register tablet is shared: signing out forgets every customer this device remembered. */
export function forgetRecentCustomers(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // storage unavailable: nothing was remembered
  }
}
