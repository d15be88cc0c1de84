import { startReceiver, type Captured, type Receiver } from "@/test/paygrid-sandbox";
import { startSplashSandbox, type SplashTestSandbox } from "@/test/splashpay-sandbox";

// Shared by the SplashPay sandbox's integration tests (docs/providers.md#splashpay-sandbox).

/** SplashPay's answer to any invalid body: it never says which field (docs/providers.md#splashpay-errors). */
export const INVALID = {
  status: "error",
  code: "INVALID_REQUEST",
  message: "The request payload is invalid.",
};

export type Data = Record<string, unknown>;
export const dataOf = (body: Record<string, unknown>) => body.data as Data;

/** The deliveries a receiver got for one payment reference. */
export const hooksOf = (receiver: Receiver, reference: unknown): Captured[] =>
  receiver.requests.filter((r) => (r.json.data as Data)?.reference === reference);

/** A SplashPay sandbox whose merchant webhook URL points at a local receiver. */
export async function startSplashWithReceiver(): Promise<{
  sb: SplashTestSandbox;
  receiver: Receiver;
  stop: () => Promise<void>;
}> {
  const receiver = await startReceiver();
  const sb = await startSplashSandbox({ webhookUrl: `${receiver.url}/api/webhooks/splashpay` });
  const stop = async () => {
    await sb.close();
    await receiver.close();
  };
  return { sb, receiver, stop };
}
