// Readiness checks for infra/up.sh with the clients the adapters use: a kafkajs cluster
// description, a MongoDB driver ping, a pg query. `node probe.cjs kafka 127.0.0.1:9092` or
// `node probe.cjs mongo mongodb://127.0.0.1:27017`; exit 0 when the server answers.
'use strict';

const TIMEOUT_MS = 3000;

async function kafka(brokers) {
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({
    clientId: 'spiral-infra-probe',
    brokers: brokers.split(','),
    connectionTimeout: TIMEOUT_MS,
    requestTimeout: TIMEOUT_MS,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no broker registered yet');
    return `cluster ${cluster.clusterId}, controller ${cluster.controller}`;
  } finally {
    await admin.disconnect();
  }
}

async function mongo(url) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(url, { serverSelectionTimeoutMS: TIMEOUT_MS, connectTimeoutMS: TIMEOUT_MS });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    const build = await client.db('admin').command({ buildInfo: 1 });
    return `version ${build.version}`;
  } finally {
    await client.close();
  }
}

async function postgres(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    return `version ${rows[0].server_version}`;
  } finally {
    await client.end();
  }
}

/** A Spiral process's /api/v1/health: ready when it answers 200 (every engine it uses answers). */
async function health(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return 'healthy';
}

const [engine, address] = process.argv.slice(2);
const checks = { kafka, mongo, postgres, health };
const check = checks[engine];
if (!check || !address) {
  console.error('usage: probe.cjs kafka <host:port> | mongo <mongodb-url> | postgres <postgres-url> | health <url>');
  process.exit(2);
}
check(address).then(
  (detail) => {
    console.log(`${engine}: ${detail}`);
    process.exit(0);
  },
  (error) => {
    console.error(`${engine}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
