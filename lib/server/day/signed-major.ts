import "server-only";
import { toMajorString, type Currency } from "@/lib/money";

/** A sum that can go below zero (net after refunds, a short drawer) as a decimal string: "-2500". */
export function signedMajor(minor: number, currency: Currency): string {
  return minor < 0 ? `-${toMajorString(-minor, currency)}` : toMajorString(minor, currency);
}
