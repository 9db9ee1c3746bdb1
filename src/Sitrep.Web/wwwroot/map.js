'use strict';
(() => {
  const { el, api, label, date, fail } = Sitrep;
  const form = document.getElementById('filters');
  const count = document.getElementById('count');
  // no tile server: the base layer is Natural Earth's country outlines, so the map works offline
  const map = L.map('map', { worldCopyJump: true, preferCanvas: false }).setView([48.5, 34], 5);
  const events = L.layerGroup().addTo(map);
  const places = L.layerGroup().addTo(map);

  fetch('lib/world-atlas/countries-50m.json').then(r => r.json()).then(world => {
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      style: { color: '#8a8f98', weight: 0.8, fillColor: '#eef0ea', fillOpacity: 1 },
    }).addTo(map).bringToBack();
  });

  api('event-types').then(types => {
    for (const t of types) form.elements.type.append(el('option', { value: t }, label(t)));
  });

  function popup(group) {
    return el('div', { class: 'popup' }, el('strong', {}, group[0].place.name),
      el('ul', {}, group.slice(0, 12).map(e => el('li', {},
        el('a', { href: `event.html?id=${encodeURIComponent(e.id)}` }, `${date(e)} ${label(e.type)}`), ` (${e.status})`))),
      group.length > 12 ? el('p', {}, `and ${group.length - 12} more`) : null);
  }

  async function load() {
    events.clearLayers();
    places.clearLayers();
    try {
      const params = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
      const [page, placePage] = await Promise.all([api('events', { ...params, limit: 500 }), api('entities', { type: 'LOC', limit: 500 })]);
      const byPlace = new Map();
      for (const e of page.items) if (e.place && e.place.lat !== null && e.place.lat !== undefined) {
        if (!byPlace.has(e.place.id)) byPlace.set(e.place.id, []);
        byPlace.get(e.place.id).push(e);
      }
      for (const p of placePage.items) if (p.lat !== null && p.lat !== undefined && !byPlace.has(p.id))
        L.circleMarker([p.lat, p.lon], { radius: 4, color: '#2c6fbb', weight: 1, fillOpacity: 0.5, className: 'place-marker' })
          .bindPopup(el('div', {}, el('a', { href: `entity.html?id=${encodeURIComponent(p.id)}` }, p.name), ` · ${p.mentions} mentions`))
          .addTo(places);
      for (const group of byPlace.values()) {
        const reports = group.reduce((n, e) => n + e.reports, 0);
        L.circleMarker([group[0].place.lat, group[0].place.lon],
          { radius: Math.min(22, 6 + 2 * Math.sqrt(reports)), color: '#b3261e', weight: 2, fillOpacity: 0.45, className: 'event-marker' })
          .bindPopup(popup(group)).addTo(events);
      }
      const placed = [...byPlace.values()].reduce((n, g) => n + g.length, 0);
      count.textContent = `${page.total} event${page.total === 1 ? '' : 's'}, ${placed} of those shown on the map at ${byPlace.size} place${byPlace.size === 1 ? '' : 's'}`;
    } catch (error) { fail(count, error); }
  }
  form.addEventListener('submit', ev => { ev.preventDefault(); load(); });
  load();
})();
