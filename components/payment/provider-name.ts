export function providerName(provider: string): string {
  return provider === "splashpay" ? "SplashPay" : "PayGrid";
}
