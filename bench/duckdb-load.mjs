// duckdb-load.mjs: the DuckDB side of bench/run.sh. Loads CSV files into a
// table of a new DuckDB database file, as an analyst would:
//   CREATE TABLE street AS SELECT * FROM read_csv('<glob>', header=true)
// and prints "rows=N seconds=S" (S: the load alone, in this process).
//
//   node bench/duckdb-load.mjs DBFILE GLOB
// (bench/run.sh times the whole node process with /usr/bin/time for its
// wall time and peak memory.)
import { DuckDBInstance } from '@duckdb/node-api';

const [dbFile, glob] = process.argv.slice(2);
if (!dbFile || !glob) {
  console.error('usage: node bench/duckdb-load.mjs DBFILE GLOB');
  process.exit(2);
}
const quoted = (s) => `'${s.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(dbFile);
const db = await instance.connect();
const t0 = performance.now();
await db.run(`CREATE TABLE street AS SELECT * FROM read_csv(${quoted(glob)}, header=true)`);
const seconds = (performance.now() - t0) / 1000;
const rows = (await db.runAndReadAll('SELECT count(*) FROM street')).getRows()[0][0];
console.log(`rows=${rows} seconds=${seconds.toFixed(3)}`);
db.closeSync?.();
instance.closeSync?.();
