// What one keypad key does to the amount being typed: it stays a valid decimal string for the currency.

const MAX_DIGITS = 12;

export function applyKey(current: string, key: string, decimals: number): string {
  if (key === "clear") return "";
  if (key === "back") return current.slice(0, -1);
  if (key === ".") {
    if (decimals === 0 || current.includes(".")) return current;
    return current === "" ? "0." : `${current}.`;
  }
  if (!/^\d$/.test(key) && key !== "00") return current;
  const [whole = "", fraction] = current.split(".");
  if (fraction !== undefined) {
    const room = decimals - fraction.length;
    return room <= 0 ? current : current + key.slice(0, room);
  }
  const next = (whole === "0" ? "" : whole) + key;
  const trimmed = next.replace(/^0+(?=\d)/, "");
  if (trimmed === "0" && key === "00") return "0";
  return trimmed.length > MAX_DIGITS ? current : trimmed;
}
