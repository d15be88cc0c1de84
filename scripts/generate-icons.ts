// Draws the app icons in public/ from the same shapes as app/icon.svg (a white "M" on the brand green),
// so the web app manifest and the home-screen icon match the tab icon. Run once at dev time when the logo
// changes (`npx tsx scripts/generate-icons.ts`); the PNGs are committed.
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";

const GREEN = [0x0b, 0x66, 0x54] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
// The "M" of app/icon.svg, on its 64×64 grid.
const M: [number, number][] = [
  [16, 46],
  [16, 18],
  [22, 18],
  [32, 32],
  [42, 18],
  [48, 18],
  [48, 46],
  [41, 46],
  [41, 30],
  [32, 42],
  [23, 30],
  [23, 46],
];
const SUBSAMPLES = 4;

function insidePolygon(x: number, y: number, poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the 64×64 rounded square (rx 14) of the tab icon; a maskable icon fills the whole square. */
function insideBackground(x: number, y: number, rounded: boolean): boolean {
  if (!rounded) return true;
  const r = 14;
  const cx = Math.min(Math.max(x, r), 64 - r);
  const cy = Math.min(Math.max(y, r), 64 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function draw(size: number, rounded: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SUBSAMPLES) / size) * 64;
          const y = ((py + (sy + 0.5) / SUBSAMPLES) / size) * 64;
          if (!insideBackground(x, y, rounded)) continue;
          bg++;
          if (insidePolygon(x, y, M)) fg++;
        }
      }
      const n = SUBSAMPLES * SUBSAMPLES;
      const mix = bg === 0 ? 0 : fg / bg;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(GREEN[c]! * (1 - mix) + WHITE[c]! * mix);
      png.data[i + 3] = Math.round((bg / n) * 255);
    }
  }
  return PNG.sync.write(png);
}

const out = path.join(process.cwd(), "public", "icons");
mkdirSync(out, { recursive: true });
const icons: [string, number, boolean][] = [
  ["icon-192.png", 192, true],
  ["icon-512.png", 512, true],
  ["maskable-192.png", 192, false],
  ["maskable-512.png", 512, false],
];
for (const [name, size, rounded] of icons) writeFileSync(path.join(out, name), draw(size, rounded));
// iOS rounds the corners itself and shows transparency as black, so the touch icon is full-bleed.
writeFileSync(path.join(process.cwd(), "public", "apple-touch-icon.png"), draw(180, false));
console.log(`icons written to ${out} and public/apple-touch-icon.png`);
