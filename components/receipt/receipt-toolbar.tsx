"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

// The receipt prints on a 58 mm or an 80 mm thermal roll: the toggle sets the printed page's width (and
// narrows the screen preview to match), then Print. Nothing here is printed itself.

const WIDTHS = [58, 80] as const;
type Width = (typeof WIDTHS)[number];

export function ReceiptToolbar({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  const [width, setWidth] = useState<Width>(80);
  return (
    <div className="flex flex-col items-center gap-4">
      {/* @page cannot follow a class: the chosen width is written as the page size for print. */}
      <style>{`@media print { @page { size: ${width}mm auto; margin: 2mm; } }`}</style>
      <div
        data-testid="receipt-paper"
        data-width={width}
        className="w-full rounded-xl border border-ink-muted/20 bg-white p-3 text-black print:max-w-none print:rounded-none print:border-0 print:p-0"
        style={{ maxWidth: `${width + 12}mm` }}
      >
        {children}
      </div>
      <div className="flex flex-wrap items-center justify-center gap-2 print:hidden">
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">{t("receipt.paperWidth")}</legend>
          <span aria-hidden="true" className="text-ink-muted">
            {t("receipt.paperWidth")}
          </span>
          {WIDTHS.map((w) => (
            <Button
              key={w}
              variant={w === width ? "primary" : "secondary"}
              aria-pressed={w === width}
              data-testid={`receipt-width-${w}`}
              onClick={() => setWidth(w)}
            >
              {t(w === 58 ? "receipt.width58" : "receipt.width80")}
            </Button>
          ))}
        </fieldset>
        <Button onClick={() => window.print()} data-testid="receipt-print">
          {t("outcome.printReceipt")}
        </Button>
      </div>
    </div>
  );
}
