// Loads each OpenAPI document with @apidevtools/swagger-parser, which checks it against the
// OpenAPI 3.1 schema and resolves every $ref. Exit 1 when any document fails (or, with
// --expect-invalid, when any passes).
'use strict';
const SwaggerParser = require('@apidevtools/swagger-parser');

async function main(args) {
  const expectInvalid = args[0] === '--expect-invalid';
  const files = expectInvalid ? args.slice(1) : args;
  if (files.length === 0) {
    console.error('usage: node validate.js [--expect-invalid] FILE...');
    return 2;
  }
  let failures = 0;
  for (const file of files) {
    try {
      const api = await SwaggerParser.validate(file);
      const paths = Object.keys(api.paths || {}).length;
      if (expectInvalid) {
        console.error(`FAIL ${file}: accepted, but it is broken`);
        failures++;
      } else {
        console.log(`ok ${file}: OpenAPI ${api.openapi}, ${paths} path(s)`);
      }
    } catch (error) {
      if (expectInvalid) {
        console.log(`ok ${file}: rejected (${error.message.split('\n')[0]})`);
      } else {
        console.error(`FAIL ${file}: ${error.message}`);
        failures++;
      }
    }
  }
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
