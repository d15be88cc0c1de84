"use client";

import { useEffect } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { applyKey } from "./amount-entry";

// The amount keypad: big touch keys and the physical keyboard (digits, ".", Backspace, Escape) while
// focus is not in a text field.

export function Keypad({
  value,
  decimals,
  onChange,
}: {
  value: string;
  decimals: number;
  onChange: (next: string) => void;
}) {
  const { t } = useI18n();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key =
        event.key === "Backspace"
          ? "back"
          : event.key === "Escape"
            ? "clear"
            : event.key === ","
              ? "."
              : event.key;
      if (/^\d$/.test(key) || key === "." || key === "back" || key === "clear") {
        event.preventDefault();
        onChange(applyKey(value, key, decimals));
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [value, decimals, onChange]);

  const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", decimals > 0 ? "." : "00", "0", "back"];
  return (
    <div role="group" aria-label={t("register.keypad")} className="grid grid-cols-3 gap-2">
      {keys.map((key) => (
        <button
          key={key}
          type="button"
          data-key={key}
          aria-label={
            key === "back" ? t("register.backspace") : key === "." ? t("register.decimal") : undefined
          }
          onClick={() => onChange(applyKey(value, key, decimals))}
          className="min-h-16 rounded-xl bg-surface-raised text-2xl font-semibold shadow-sm ring-1 ring-ink-muted/20 active:bg-brand-50 dark:active:bg-brand-700/40"
        >
          {key === "back" ? "⌫" : key}
        </button>
      ))}
      <button
        type="button"
        onClick={() => onChange("")}
        className="col-span-3 min-h-touch rounded-xl text-base font-semibold text-ink-muted underline-offset-4 hover:underline"
      >
        {t("register.clear")}
      </button>
    </div>
  );
}
