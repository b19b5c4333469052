// Build the page into ../src/frontlines/web/static (committed, so that pip install needs no node).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync, readdirSync, statSync } from "node:fs";

const out = new URL("../src/frontlines/web/static/", import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, legalComments: "linked", target: ["es2020"], logLevel: "info" };
await build({ ...common, entryPoints: ["src/main.js"], outfile: out + "app.js", format: "esm", loader: { ".png": "dataurl", ".svg": "dataurl", ".css": "empty" } });
await build({ ...common, entryPoints: ["src/style.css"], outfile: out + "app.css", loader: { ".png": "dataurl", ".svg": "dataurl" } });
await build({ ...common, entryPoints: ["src/docs.js"], outfile: out + "docs.js", format: "iife" });
copyFileSync("index.html", out + "index.html");
copyFileSync("docs.html", out + "docs.html");
const swagger = "node_modules/swagger-ui-dist/";
for (const f of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) {
  copyFileSync(swagger + f, out + (f === "LICENSE" ? "swagger-ui.LICENSE.txt" : f));
}
copyFileSync("node_modules/leaflet/LICENSE", out + "leaflet.LICENSE.txt");
for (const f of readdirSync(out)) console.log(`${f}\t${(statSync(out + f).size / 1024).toFixed(1)} kB`);
