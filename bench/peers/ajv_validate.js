// ajv 8 + ajv-formats over an NDJSON file, streamed: the peer conform validate is measured
// against. Prints the same summary line as `conform validate --quiet`.
// usage: node ajv_validate.js SCHEMA.json FILE.ndjson
"use strict";
const fs = require("fs");
const path = require("path");
const peers = path.join(__dirname, "..", ".peers", "node_modules");
const Ajv = require(path.join(peers, "ajv"));
const addFormats = require(path.join(peers, "ajv-formats"));

const [schemaFile, dataFile] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));

let total = 0, valid = 0;
function line(text) {
  if (text.trim() === "") return;
  total++;
  let value;
  try { value = JSON.parse(text); } catch (e) { return; }
  if (validate(value)) valid++;
}

const fd = fs.openSync(dataFile, "r");
const chunk = Buffer.allocUnsafe(1 << 20);
let rest = "";
for (;;) {
  const n = fs.readSync(fd, chunk, 0, chunk.length, null);
  if (n === 0) break;
  const text = rest + chunk.toString("utf8", 0, n);
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
    line(text.slice(start, nl));
    start = nl + 1;
  }
  rest = text.slice(start);
}
if (rest.length) line(rest);
console.log(`${total} payloads: ${valid} valid, ${total - valid} invalid`);
