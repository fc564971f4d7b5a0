// ajv 8 + ajv-formats over many one-payload JSON files, read one after the other in one
// process: the peer of `conform validate VENDOR MESSAGE dir/*.json`. Prints the same summary
// line as `conform validate --quiet`.
// usage: node ajv_validate_files.js SCHEMA.json FILE...
"use strict";
const fs = require("fs");
const path = require("path");
const peers = path.join(__dirname, "..", ".peers", "node_modules");
const Ajv = require(path.join(peers, "ajv"));
const addFormats = require(path.join(peers, "ajv-formats"));

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));

let valid = 0;
for (const file of files) {
  let value;
  try { value = JSON.parse(fs.readFileSync(file, "utf8")); } catch (e) { continue; }
  if (validate(value)) valid++;
}
console.log(`${files.length} payloads: ${valid} valid, ${files.length - valid} invalid`);
