import { rules } from '@secretlint/secretlint-rule-preset-recommend';
const sink=[];
const ctx = { sharedOptions: {}, createTranslator: (m) => (id, data) => ({ message: m[id].en(data), messageId: id, data }), report: (d) => sink.push(d), ignore: () => {} };
const hs = rules.map(r => [r.meta.id, r.create(ctx, {})]);
for (const s of ['https://user:hunter22@example.com/', 'postgres://ingest:s3cr3t-pass@db.internal:5432/app', 'mongodb+srv://admin:Pa55word@cluster0.x.mongodb.net/db', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKE', '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', 'sk-ant-api03-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz0123-abcdefAA','SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ']) {
  sink.length=0; for (const [id,h] of hs) h.file?.({content:s, contentType:'text'});
  console.log(s, JSON.stringify(sink.map(d=>({id:d.message.messageId, range:d.range, data:d.message.data}))));
}
