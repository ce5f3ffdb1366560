// How fast a MongoDB-wire server replaces documents one by one by _id in a 20,000-document
// collection: the figure the id-index patch changes (README, "Real engines").
// `node infra/ferretdb/replace-by-id.cjs mongodb://127.0.0.1:27017 [seconds]`
'use strict';

const { MongoClient } = require('mongodb');

async function main(url, seconds) {
  const client = await new MongoClient(url).connect();
  const collection = client.db(`replace_by_id_${process.pid}`).collection('documents');
  try {
    const documents = Array.from({ length: 20_000 }, (_, i) => ({ _id: `doc-${i}`, count: 0, label: `document ${i}` }));
    for (let i = 0; i < documents.length; i += 1_000) await collection.insertMany(documents.slice(i, i + 1_000));
    let replaced = 0;
    const started = Date.now();
    while (Date.now() - started < seconds * 1000) {
      const id = `doc-${Math.floor(Math.random() * documents.length)}`;
      await collection.replaceOne({ _id: id }, { count: replaced, label: `replaced ${replaced}` });
      replaced++;
    }
    const perSecond = replaced / ((Date.now() - started) / 1000);
    console.log(`${url}: ${replaced} replaceOne by _id in ${seconds} s on 20,000 documents: ${perSecond.toFixed(1)}/s`);
  } finally {
    await collection.drop().catch(() => undefined);
    await client.close();
  }
}

main(process.argv[2] ?? 'mongodb://127.0.0.1:27017', Number(process.argv[3] ?? 10)).catch((error) => {
  console.error(error);
  process.exit(1);
});
