// Small images for the branding tests: real PNG bytes (a 1×1 pixel), and files that only pretend.

/** A valid 1×1 PNG. */
export const TINY_PNG = new Uint8Array(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** An SVG with a script: what a hostile upload would try. */
export const SCRIPTED_SVG = new Uint8Array(
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
);

/** Starts like a PNG and runs past 200 KiB. */
export function oversizedPng(): Uint8Array {
  const bytes = new Uint8Array(200 * 1024 + 1);
  bytes.set(TINY_PNG);
  return bytes;
}
