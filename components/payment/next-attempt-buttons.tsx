"use client";

import { Button } from "@/components/ui/button";
import type { PaymentActions } from "./payment-actions";

/** After an attempt that cannot be paid: start another (a new key) or go back and choose another method. */
export function NextAttemptButtons({
  actions,
  again,
  other,
  againTestId,
}: {
  actions: PaymentActions;
  again: string;
  other: string;
  againTestId?: string;
}) {
  return (
    <div className="flex flex-wrap justify-center gap-2 print:hidden">
      <Button onClick={() => actions.newAttempt()} disabled={actions.busy} data-testid={againTestId}>
        {again}
      </Button>
      <Button variant="secondary" onClick={actions.changeMethod}>
        {other}
      </Button>
    </div>
  );
}
