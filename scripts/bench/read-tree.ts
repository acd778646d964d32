/**
 * Reads every data file of a tree and builds the model with one checkout's reader, and prints how
 * long that alone took: `node --import tsx scripts/bench/read-tree.ts <toolkit checkout> <tree>`.
 * Run it for two checkouts in alternation to compare readers on the same files.
 */
const [toolkit, tree] = process.argv.slice(2);
if (!toolkit || !tree) {
  console.error('usage: node --import tsx scripts/bench/read-tree.ts <toolkit checkout> <tree>');
  process.exit(2);
}
const { readRepository } = (await import(`${toolkit}/scripts/repo/read-repository.ts`)) as typeof import('../repo/read-repository.ts');
const { buildModel } = (await import(`${toolkit}/scripts/check/build-model.ts`)) as typeof import('../check/build-model.ts');
const start = performance.now();
const { files } = await readRepository(tree);
const { model } = buildModel(files);
console.log(`${files.length} files, ${model.incidents.length} incidents: ${((performance.now() - start) / 1000).toFixed(2)} s`);
