"use client";

import type { Currency } from "@/lib/money";
import type { PaymentMethod } from "@/lib/payment-methods";

// The sale the cashier is ringing up, kept in sessionStorage so "Change method" and "Try again" on the
// payment screen can start from it after a navigation or a reload of this tab.

export interface SaleDraft {
  amount: string;
  currency: Currency;
  reference?: string;
  method?: PaymentMethod;
  /** How many attempts this sale has had: numbers the reference of one that replaces a live attempt. */
  attempt?: number;
}

const KEY = "malipo.sale";

export function saveSaleDraft(draft: SaleDraft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full store: the cashier only loses the prefill.
  }
}

export function loadSaleDraft(): SaleDraft | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SaleDraft) : null;
  } catch {
    return null;
  }
}

export function clearSaleDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
