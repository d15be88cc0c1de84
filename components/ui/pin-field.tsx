import type { ComponentProps } from "react";
import { TextField } from "./field";

/** A 4–6 digit PIN: a phone's number pad, hidden as typed, anything but digits dropped. */
export function PinField({
  onValue,
  ...props
}: Omit<ComponentProps<typeof TextField>, "onChange" | "value"> & {
  value: string;
  onValue: (pin: string) => void;
}) {
  return (
    <TextField
      type="password"
      inputMode="numeric"
      maxLength={6}
      {...props}
      onChange={(e) => onValue(e.target.value.replace(/\D/g, ""))}
    />
  );
}
