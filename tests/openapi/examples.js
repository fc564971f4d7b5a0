// Checks that the schemas of a generated OpenAPI document mean what conform's draft-07
// schemas mean: every JSON example payload of the vendor (schemas/<vendor>/examples) gets
// the verdict its name promises from a JSON Schema 2020-12 validator (Ajv, which
// swagger-parser ships) compiled from the document's components. Examples that are invalid
// only for a `format` are left out: OpenAPI tools treat formats as annotations by default.
// usage: node examples.js DOCUMENT EXAMPLES_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020').default;

const [documentFile, examplesDir] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(documentFile, 'utf8'));
const ajv = new Ajv2020({strict: false, validateFormats: false, allErrors: true});
const base = 'https://conform.invalid/openapi';
ajv.addSchema({$id: base, components: doc.components});

const operation = Object.values(Object.values(doc.paths)[0])[0];
const expected = JSON.parse(fs.readFileSync(path.join(examplesDir, 'expected.json'), 'utf8'));
let agree = 0;
const differ = [];
for (const name of fs.readdirSync(examplesDir).sort()) {
  if (!name.endsWith('.json') || name === 'expected.json') continue;
  if ((expected[name] || {}).keyword === 'format') continue;
  const [message, verdict] = name.split('.');
  const status = message.replace(/^response-/, '');
  const part = message === 'request' ? operation.requestBody
                                     : operation.responses[status] || operation.responses.default;
  const media = part && part.content && part.content['application/json'];
  if (!media) continue;  // a message with no body
  let payload;
  try {
    payload = JSON.parse(fs.readFileSync(path.join(examplesDir, name), 'utf8'));
  } catch (error) {
    continue;  // not JSON at all (a seed's doc bug): nothing for a schema to say
  }
  const validate = ajv.getSchema(base + media.schema.$ref);
  const valid = validate(payload);
  if (valid === (verdict === 'valid')) {
    agree++;
  } else {
    differ.push(`${name}: the document's schema says ${valid ? 'valid' : 'invalid'}`);
  }
}
if (agree === 0 || differ.length > 0) {
  console.error(`FAIL ${documentFile}: ${agree} examples agree, ${differ.length} differ`);
  for (const line of differ) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`ok ${documentFile}: ${agree} examples get conform's verdict`);
