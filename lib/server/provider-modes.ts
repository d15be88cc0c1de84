import "server-only";

// "Sandbox is all or nothing" (docs/api.md, Configuration). A half-live shop is the dangerous mix: with
// PayGrid's live keys set and SplashPay left as a simulator, a shopper could pick the simulator, type a
// magic phone number and be marked paid. So as soon as one provider has keys, every provider without keys
// is off (never a simulator), and the sandbox exists only when no provider has keys, or SANDBOX=1 forces it.

export type ProviderMode = "live" | "sandbox" | "off";

export interface ProviderModeInput {
  paygridApiKey: string | undefined;
  splashpayApiKey: string | undefined;
  /** SANDBOX: "1" forces the sandbox (test keys only; live keys are refused elsewhere), "0" forbids it. */
  sandboxFlag: "1" | "0" | "" | undefined;
}

export interface ProviderModes {
  paygrid: ProviderMode;
  splashpay: ProviderMode;
  /** True only when every provider runs against the built-in simulator: `/sandbox/*` is mounted. */
  sandbox: boolean;
}

export function decideProviderModes(input: ProviderModeInput): ProviderModes {
  if (input.sandboxFlag === "1") return { paygrid: "sandbox", splashpay: "sandbox", sandbox: true };
  const anyKeys = Boolean(input.paygridApiKey) || Boolean(input.splashpayApiKey);
  if (!anyKeys) {
    const mode: ProviderMode = input.sandboxFlag === "0" ? "off" : "sandbox";
    return { paygrid: mode, splashpay: mode, sandbox: mode === "sandbox" };
  }
  return {
    paygrid: input.paygridApiKey ? "live" : "off",
    splashpay: input.splashpayApiKey ? "live" : "off",
    sandbox: false,
  };
}
