// The four key mixes a shop can start with (docs/api.md "Sandbox is all or nothing"), as environments.

const ALWAYS = {
  SESSION_SECRET: "s".repeat(40),
  MERCHANT_API_KEY: "mk_live_" + "m".repeat(24),
  MERCHANT_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  POS_ACCESS_CODE: "246810",
};
const PAYGRID = { PAYGRID_API_KEY: "sk_live_mix", PAYGRID_WEBHOOK_SIGNING_KEY: "pg_signing_key" };
const SPLASHPAY = {
  SPLASHPAY_API_KEY: "pk_live_mix",
  SPLASHPAY_API_SECRET: "sk_live_mix_secret",
  SPLASHPAY_WEBHOOK_SECRET: "sp_webhook_secret",
};

export interface KeyMix {
  name: string;
  env: Record<string, string>;
  paygrid: "live" | "sandbox" | "off";
  splashpay: "live" | "sandbox" | "off";
  sandbox: boolean;
}

export const KEY_MIXES: KeyMix[] = [
  { name: "PayGrid only", env: { ...ALWAYS, ...PAYGRID }, paygrid: "live", splashpay: "off", sandbox: false },
  {
    name: "SplashPay only",
    env: { ...ALWAYS, ...SPLASHPAY },
    paygrid: "off",
    splashpay: "live",
    sandbox: false,
  },
  {
    name: "both",
    env: { ...ALWAYS, ...PAYGRID, ...SPLASHPAY },
    paygrid: "live",
    splashpay: "live",
    sandbox: false,
  },
  {
    name: "none",
    env: { SESSION_SECRET: ALWAYS.SESSION_SECRET },
    paygrid: "sandbox",
    splashpay: "sandbox",
    sandbox: true,
  },
];
