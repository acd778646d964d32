// What a team without this toolkit adds to ajv-cli to validate the same files against the same
// schemas (see scripts/bench/figures.ts, the "peer"): the standard formats (ajv-formats), the
// annotation keywords the schemas carry, and the one custom format, as plain Intl.
const addFormats = require('ajv-formats');

module.exports = (ajv) => {
  addFormats(ajv);
  ajv.addVocabulary(['x-ref', 'x-amendable']);
  ajv.addFormat('iana-time-zone', {
    type: 'string',
    validate(zone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
  });
  return ajv;
};
