import { readFileSync, readdirSync } from 'node:fs';
const { rules } = await import('@secretlint/secretlint-rule-preset-recommend');
const dir = '/work/shared/corpora/postmortems/docs/incidents/';
const texts = readdirSync(dir).map(f => readFileSync(dir+f,'utf8'));
const ctx = { sharedOptions: {}, createTranslator: (m) => (id, data) => ({ message: m[id].en(data), messageId: id, data }), report: (d) => {}, ignore: () => {} };
for (const r of rules) { const h = r.create(ctx, {}); const t=performance.now(); for (let k=0;k<50;k++) for (const s of texts) h.file?.({ content: s, filePath: undefined, contentType: 'text', ext: '', hasBOM:false }); console.log(r.meta.id.replace('@secretlint/secretlint-rule-',''), ((performance.now()-t)/500*1000).toFixed(1),'us/file'); }
const line='Detected 2026-10-29T02:14:00+01:00 the access token expired and nothing rotated it, error rate 23%';
for (const r of rules) { const h = r.create(ctx, {}); const t=performance.now(); for (let k=0;k<5000;k++) h.file?.({ content: line, filePath: undefined, contentType: 'text', ext: '', hasBOM:false }); console.log(' line', r.meta.id.replace('@secretlint/secretlint-rule-',''), ((performance.now()-t)/5000*1000).toFixed(2),'us'); }
