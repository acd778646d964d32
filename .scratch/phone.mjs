import { findNumbers, findPhoneNumbersInText, searchPhoneNumbersInText } from 'libphonenumber-js/max';
const t = [
 ['020 7946 0958','GB'],['030 1234567','DE'],['415 555 2671','US'],['01 23 45 67 89','FR'],['+2147483647 overflow','GB'],['the counter hit 2147483647','US'],
 ['Detected 2026-10-29T02:14:00+01:00, resolved 2026-10-29T03:06:00+01:00.','DE'],['ticket 4821 build 2026.10.29.1 version 1.323.0 - 1.328.0','US'],
 ['commit f346f834cb453f1c415f7f74bfe7e08e890b26f3','US'], ['call +49 30 5550 1001','US'], ['(212) 555-0104','US'],['212-555-0104','DE'], ['20 000 000 rows', 'FR'], ['from 10kb to 15MB, 100x, 4 billion 4294967295','GB'], ['OID 4294967295 1234567890','US'],
 ['020 7946 0958','DE'],['415 555 2671','GB'], ['+44 20 7946 0958', 'DE'], ['processed 1234567 events', 'DE'], ['2019-12-04 00:30', 'GB'], ['Jan 17, 8:43 AM 1.327.0','US']
];
for (const [s, r] of t) {
  for (const lev of ['POSSIBLE','VALID']) {
  const res = findNumbers(s, { defaultCountry: r, leniency: lev, v2: true });
  console.log(lev, r, JSON.stringify(s), res.map(x => `${s.slice(x.startsAt,x.endsAt)} [${x.number.country}] ${x.number.getType?.()}`).join(' | '));
  }
}
