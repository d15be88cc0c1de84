import { FLOORS, floorOf, folderCircles, folderImports, floorViolations } from "./server-floors";

// npm run check:floors — prints lib/server's folder-level imports with their floors and fails on a
// circle or an import that points sideways or up.

const imports = folderImports(process.cwd());
FLOORS.forEach((floor, index) => console.log(`floor ${index}: ${floor.join(", ")}`));
console.log("");
for (const { from, to } of imports) console.log(`${from} (${floorOf(from)}) -> ${to} (${floorOf(to)})`);
const problems = [...folderCircles(imports).map((c) => `circle: ${c}`), ...floorViolations(imports)];
console.log("");
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`${imports.length} folder imports, no circle, none sideways or up.`);
