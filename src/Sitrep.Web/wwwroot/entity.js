'use strict';
(() => {
  const { el, fill, api, post, param, link, eventCard, fail } = Sitrep;
  const main = document.getElementById('entity');
  const kinds = { PER: 'person', LOC: 'place', ORG: 'organisation', MISC: 'other name' };

  function corrections(e) {
    const message = el('p', { class: 'message' });
    const other = el('input', { name: 'other', placeholder: 'Another entity’s name', required: true });
    const alias = el('select', { name: 'alias' }, e.aliases.filter(a => a.alias !== e.name).map(a => el('option', { value: a.alias }, a.alias)));
    async function run(kind, b) {
      try {
        const ids = await post('entities/' + kind, { a: e.name, b });
        message.textContent = kind === 'merge' ? `Merged “${b}” into “${e.name}”.` : `Split “${b}” off “${e.name}”.`;
        const next = ids.find(id => id !== e.id) && kind === 'split' ? e.id : ids[0];
        if (next && next !== e.id) location.search = '?id=' + encodeURIComponent(next); else setTimeout(() => location.reload(), 600);
      } catch (error) { message.textContent = 'Not done: ' + error.message; }
    }
    return el('section', { class: 'corrections' }, el('h2', {}, 'Correct the machine'),
      el('form', { class: 'inline', onsubmit: ev => { ev.preventDefault(); run('merge', other.value); } },
        'Same as ', other, el('button', { type: 'submit' }, 'Merge')),
      alias.options.length ? el('form', { class: 'inline', onsubmit: ev => { ev.preventDefault(); run('split', alias.value); } },
        'Not the same: ', alias, el('button', { type: 'submit' }, 'Split off')) : null,
      el('p', { class: 'note' }, 'Corrections are kept apart from derived data, so reprocessing keeps them. They need the write token.'),
      message);
  }

  async function show() {
    try {
      const e = await api('entities/' + encodeURIComponent(param('id') || ''));
      document.title = `${e.name} · Sitrep`;
      fill(main, 
        el('h1', {}, e.name, el('span', { class: 'kind' }, ' ' + (kinds[e.type] || e.type))),
        e.lat !== null && e.lat !== undefined
          ? el('p', { class: 'facts' }, `at ${e.lat.toFixed(4)}, ${e.lon.toFixed(4)} (${e.geoKind}, ${e.country}, ${e.geoRef})`)
          : el('p', { class: 'facts' }, e.type === 'LOC' ? 'not found in the gazetteer' : ''),
        el('section', {}, el('h2', {}, 'Spellings'),
          el('table', { class: 'list aliases' },
            el('thead', {}, el('tr', {}, el('th', {}, 'Written'), el('th', {}, 'Times'), el('th', {}, 'Why joined'), el('th', {}, 'Articles'))),
            el('tbody', {}, e.aliases.map(a => el('tr', {},
              el('td', {}, a.alias), el('td', {}, String(a.count)), el('td', {}, a.why),
              el('td', {}, a.documents.slice(0, 8).flatMap((d, i) => [i ? ' ' : '', link('document', d, d.slice(0, 8))]))))))),
        corrections(e),
        el('section', { id: 'claims' }),
        el('section', {}, el('h2', {}, `Events (${e.eventCount})`), el('ol', { class: 'events' }, e.events.map(eventCard))));
      const claims = await api('claims', { source: e.name, limit: 50 });
      fill(document.getElementById('claims'), el('h2', {}, `Claims by ${e.name} (${claims.total})`),
        el('ul', { class: 'claims' }, claims.items.filter(c => c.source && c.source.id === e.id).map(c => el('li', {},
          Sitrep.stance(c.stance), ' ', el('span', { class: 'quote' }, c.text), ' ', link('document', c.document, c.outlet)))));
    } catch (error) { fail(main, error); }
  }
  show();
})();
