// conform beside ajv 8 + ajv-formats on generated and mutated instances of every vendor
// schema: each instance's verdict from both; every disagreement must be one that
// disagreements.json explains (why conform is right), or the test fails.
// usage: node differential.js CONFORM_BINARY SCHEMAS_DIR
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");

const [conform, schemasDir] = process.argv.slice(2);
const known = JSON.parse(fs.readFileSync(path.join(__dirname, "disagreements.json"), "utf8"));

// A small seeded generator, so every run checks the same instances.
let seed = 20261204;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const replacements = [null, true, false, 0, 1, -1, 1.5, 1e3, 2147483648, "", "x", "Automatic",
  "standard", "a@example.com", "not an email", "2024-01-31T09:30:00Z", "2024-13-31",
  "9d6de082-741c-44fe-b067-1a36eb03fa40", "x".repeat(600), [], ["x"], {}, { k: "v" },
  // format edge cases, where validators most often disagree
  "a@b", "a@[127.0.0.1]", "\"quoted\"@example.com", "\"\u00e9\"@example.com", "j\u00f6rg@example.com",
  "a..b@example.com", "a@-example.com", "user@xn--bcher-kva.example", "user@localhost",
  "2024-06-30T23:59:60Z", "2024-02-30T10:00:00Z", "2024-01-31t09:30:00z", "2024-01-31T09:30:00+25:00",
  "2024-01-31 09:30:00Z", "2024-01-31T09:30:00.123456789Z", "2023-02-29", "0000-01-01",
  "9D6DE082-741C-44FE-B067-1A36EB03FA40", "9d6de082741c44feb0671a36eb03fa40", "{9d6de082-741c-44fe-b067-1a36eb03fa40}",
  "http://example.com/a b", "http://[::1]:80/", "//no-scheme", "https://\u00e9.example/",
  "\ud83d\ude00".repeat(251), "\u00e9".repeat(40), "e\u0301".repeat(21), "#ABCDEF", "abcdef", "#abcdeg",
  "maia-0123456789ab", "maia-0123456789AB", 1e300, -0, 0.1, 9007199254740993, "\u0000", " "];

function mutations(value) {
  const out = [];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const key of Object.keys(value)) {
    const removed = { ...value };
    delete removed[key];
    out.push(removed);
    for (let i = 0; i < 12; i++) out.push({ ...value, [key]: pick(replacements) });
    const inner = value[key];
    if (typeof inner === "string") {
      out.push({ ...value, [key]: inner.toUpperCase() });
      out.push({ ...value, [key]: inner.toLowerCase() });
      out.push({ ...value, [key]: inner + "!" });
    }
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      for (const sub of mutations(inner).slice(0, 12)) out.push({ ...value, [key]: sub });
    }
    if (Array.isArray(inner) && inner.length > 0) {
      out.push({ ...value, [key]: [...inner, pick(replacements)] });
      out.push({ ...value, [key]: [] });
    }
  }
  out.push({ ...value, undocumentedMember: pick(replacements) });
  return out;
}

const disagreements = [];
let checked = 0;
for (const vendor of fs.readdirSync(schemasDir).sort()) {
  const folder = path.join(schemasDir, vendor);
  if (!fs.existsSync(path.join(folder, "vendor.json"))) continue;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const files = fs.readdirSync(folder).filter((f) => f.endsWith(".schema.json")).sort();
  for (const file of files) {
    const schema = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8"));
    schema.$id = `https://conform.invalid/${vendor}/${file}`;
    delete schema.$schema;
    ajv.addSchema(schema);
  }
  for (const file of files) {
    const message = file.replace(".schema.json", "");
    if (message === "errors") continue;
    const examples = fs.readdirSync(path.join(folder, "examples"))
      .filter((f) => f.startsWith(message + ".") && f.endsWith(".json"))
      .map((f) => { try { return JSON.parse(fs.readFileSync(path.join(folder, "examples", f))); } catch (e) { return undefined; } })
      .filter((v) => v !== undefined);
    const instances = [];
    for (const example of examples) instances.push(example, ...mutations(example));
    if (instances.length === 0) continue;
    const validate = ajv.getSchema(`https://conform.invalid/${vendor}/${file}`);
    const ndjson = path.join(os.tmpdir(), `conform-ajv-${process.pid}.ndjson`);
    fs.writeFileSync(ndjson, instances.map((i) => JSON.stringify(i)).join("\n") + "\n");
    let output;
    try {
      output = execFileSync(conform, ["validate", "--schema", path.join(folder, file), "--ndjson",
        "--output", "json", "--jobs", "1", ndjson],
        { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      output = e.stdout;  // exit 1: some payloads invalid
    }
    fs.unlinkSync(ndjson);
    const results = output.trim().split("\n").map((l) => JSON.parse(l));
    if (results.length !== instances.length) {
      console.error(`${vendor} ${message}: conform gave ${results.length} verdicts for ${instances.length} payloads`);
      process.exit(1);
    }
    instances.forEach((instance, i) => {
      checked++;
      const ajvValid = validate(instance);
      if (ajvValid === results[i].valid) return;
      const finding = results[i].findings[0] || {};
      const ajvError = (validate.errors || [])[0] || {};
      disagreements.push({
        vendor, message, instance: JSON.stringify(instance).slice(0, 200),
        conform: results[i].valid, ajv: ajvValid,
        conformFinding: `${finding.keyword || ""} ${finding.pointer || ""}: ${finding.message || ""}`,
        ajvError: `${ajvError.keyword || ""} ${ajvError.instancePath || ""}: ${ajvError.message || ""}`,
      });
    });
  }
}

// A disagreement is explained when an entry of disagreements.json matches it: the same
// verdicts, and conform's finding (or ajv's error) contains the entry's text.
const unexplained = disagreements.filter((d) => !known.some((k) =>
  k.conform === d.conform && (k.conformFinding ? d.conformFinding.includes(k.conformFinding) : true) &&
  (k.ajvError ? d.ajvError.includes(k.ajvError) : true)));
console.log(`${checked} instances of every vendor schema, ${disagreements.length} disagreements, ` +
  `${unexplained.length} not explained in tests/ajv/disagreements.json`);
for (const d of unexplained) console.log(JSON.stringify(d));
process.exit(unexplained.length === 0 && checked > 1000 ? 0 : 1);
