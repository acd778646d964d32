import { readFileSync, readdirSync } from 'node:fs';
const t0 = performance.now();
const { lintSource } = await import('@secretlint/core');
const { creator: preset, rules } = await import('@secretlint/secretlint-rule-preset-recommend');
console.log('load ms', (performance.now()-t0).toFixed(1));
const dir = '/work/shared/corpora/postmortems/docs/incidents/';
const texts = readdirSync(dir).map(f => readFileSync(dir+f,'utf8'));
const config = { rules: [{ id: preset.meta.id, rule: preset }] };
let n=0; let t=performance.now();
for (let r=0;r<50;r++) for (const s of texts) { await lintSource({ source: { content: s, filePath: '/x/notes.md', ext: '.md', contentType: 'text' }, options: { config } }); n++; }
console.log('lintSource per file ms', ((performance.now()-t)/n).toFixed(3));
// sync
const sink=[];
const ctx = { sharedOptions: {}, createTranslator: (m) => (id, data) => ({ message: m[id].en(data), messageId: id, data }), report: (d) => sink.push(d), ignore: () => {} };
const handlers = rules.filter(r=>r.meta.type==='scanner').map(r => r.create(ctx, {}));
const src = (s) => ({ content: s, filePath: undefined, contentType: 'text', ext: '', hasBOM:false });
n=0; t=performance.now();
for (let r=0;r<50;r++) for (const s of texts) { const so = src(s); for (const h of handlers) { const p = h.file?.(so); if (p && typeof p.then==='function') console.log('async!'); } n++; }
console.log('sync per file ms', ((performance.now()-t)/n).toFixed(3));
// per short string
const strs = texts.flatMap(s => s.split('\n')).filter(Boolean);
n=0; t=performance.now();
for (const s of strs) { const so = src(s); for (const h of handlers) h.file?.(so); n++; }
console.log('sync per line us', ((performance.now()-t)/n*1000).toFixed(2), n);
