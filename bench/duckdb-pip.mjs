// duckdb-pip.mjs: the DuckDB side of bench/run.sh section (d): places
// officers' location pings in the boundaries' polygons by plain SQL, as an
// analyst with DuckDB and no spatial extension (it is downloaded at run
// time, which the bench does not allow) would:
//
//   1. load the pings CSV into a table (timed: "load");
//   2. point in polygon by the even-odd rule (timed: "pip"): a ping is in
//      a polygon when a ray to its east crosses an odd number of the
//      polygon's edges. Candidates come from a join on the polygons'
//      bounding boxes; edges are bucketed by latitude band (0.005 degrees)
//      so each candidate meets only the edges of its band, then counted.
//
// Prints "rows=N load=S pip=S station=N priority=N area=N" (pings inside
// any station, any priority location, any area).
//
//   node bench/duckdb-pip.mjs DBFILE BOUNDARIES.geojson PINGS.csv
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [dbFile, geoFile, pingsFile] = process.argv.slice(2);
if (!dbFile || !geoFile || !pingsFile) {
  console.error('usage: node bench/duckdb-pip.mjs DBFILE BOUNDARIES.geojson PINGS.csv');
  process.exit(2);
}
const quoted = (s) => `'${s.replaceAll("'", "''")}'`;
const BAND = 200; // latitude bands per degree

// the polygons' edges and boxes, as VALUES lists
const fc = JSON.parse(readFileSync(geoFile, 'utf8'));
const edges = [];
const boxes = [];
fc.features.forEach((f, poly) => {
  const kind = f.properties.kind;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
  for (const rings of polys)
    for (const ring of rings)
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i], [x2, y2] = ring[i + 1];
        edges.push(`(${poly},${x1},${y1},${x2},${y2})`);
        minx = Math.min(minx, x1); maxx = Math.max(maxx, x1);
        miny = Math.min(miny, y1); maxy = Math.max(maxy, y1);
      }
  boxes.push(`(${poly},'${kind}',${minx},${miny},${maxx},${maxy})`);
});

const instance = await DuckDBInstance.create(dbFile);
const db = await instance.connect();
await db.run(`CREATE TABLE edge(poly INTEGER, x1 DOUBLE, y1 DOUBLE, x2 DOUBLE, y2 DOUBLE)`);
await db.run(`INSERT INTO edge VALUES ${edges.join(',')}`);
await db.run(`CREATE TABLE box(poly INTEGER, kind VARCHAR, minx DOUBLE, miny DOUBLE, maxx DOUBLE, maxy DOUBLE)`);
await db.run(`INSERT INTO box VALUES ${boxes.join(',')}`);
// each edge in every latitude band its y range touches
await db.run(`CREATE TABLE edge_band AS
  SELECT poly, b, x1, y1, x2, y2 FROM edge,
    generate_series(CAST(floor(least(y1, y2) * ${BAND}) AS BIGINT), CAST(floor(greatest(y1, y2) * ${BAND}) AS BIGINT)) AS s(b)
  WHERE y1 <> y2`);

let t0 = performance.now();
await db.run(`CREATE TABLE ping AS SELECT row_number() OVER () AS id, latitude AS lat, longitude AS lon
  FROM read_csv(${quoted(pingsFile)}, header=true, columns={'officer':'VARCHAR','team':'VARCHAR','at':'TIMESTAMP','latitude':'DOUBLE','longitude':'DOUBLE','on_duty':'VARCHAR'})`);
const load = (performance.now() - t0) / 1000;

t0 = performance.now();
await db.run(`CREATE TABLE inside AS
  WITH cand AS (
    SELECT p.id, p.lat, p.lon, x.poly, x.kind, CAST(floor(p.lat * ${BAND}) AS BIGINT) AS b
    FROM ping p JOIN box x ON p.lon BETWEEN x.minx AND x.maxx AND p.lat BETWEEN x.miny AND x.maxy)
  SELECT c.id, c.poly, c.kind
  FROM cand c JOIN edge_band e ON e.poly = c.poly AND e.b = c.b
  WHERE (e.y1 > c.lat) <> (e.y2 > c.lat) AND c.lon < e.x1 + (c.lat - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1)
  GROUP BY c.id, c.poly, c.kind
  HAVING count(*) % 2 = 1`);
const pip = (performance.now() - t0) / 1000;

const rows = (await db.runAndReadAll('SELECT count(*) FROM ping')).getRows()[0][0];
const by = Object.fromEntries((await db.runAndReadAll('SELECT kind, count(DISTINCT id) FROM inside GROUP BY kind')).getRows().map(([k, n]) => [k, n]));
console.log(`rows=${rows} load=${load.toFixed(3)} pip=${pip.toFixed(3)} station=${by.station ?? 0} priority=${by.priority ?? 0} area=${by.area ?? 0}`);
db.closeSync?.();
instance.closeSync?.();
