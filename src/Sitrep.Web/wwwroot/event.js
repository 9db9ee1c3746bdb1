'use strict';
(() => {
  const { el, fill, api, param, link, label, date, status, stance, fail } = Sitrep;
  const main = document.getElementById('event');

  function report(r) {
    const who = r.source ? link('entity', r.source.id, r.source.name) : (r.sourceText || 'the outlet itself');
    return el('article', { class: 'report stance-box-' + r.stance },
      el('header', {}, el('strong', {}, link('document', r.document, r.outlet)), ' ', stance(r.stance)),
      el('p', { class: 'who' }, 'Source: ', who, r.cue ? el('span', { class: 'cue' }, ` (“${r.cue}”)`) : null),
      el('blockquote', {}, r.quote),
      el('p', { class: 'offsets' }, `characters ${r.start}–${r.end}`, r.date ? ` · dated ${r.date}` : ''));
  }

  function conflict(c) {
    return el('div', { class: 'conflict' },
      el('h3', {}, 'Disagreement on ' + c.field),
      el('div', { class: 'sides' }, c.values.map(v => el('div', { class: 'side' },
        el('div', { class: 'value' }, v.value), link('document', v.document, v.outlet)))));
  }

  async function show() {
    try {
      const view = await api('events/' + encodeURIComponent(param('id') || ''));
      const e = view.event;
      document.title = `${label(e.type)} · Sitrep`;
      fill(main, 
        el('p', { class: 'crumbs' }, el('a', { href: 'index.html' }, '← Timeline')),
        el('h1', {}, label(e.type), e.place ? [' · ', link('entity', e.place.id, e.place.name)] : null),
        el('p', { class: 'facts' }, date(e), ' · ', status(e.status),
          e.actors.length ? [' · actors: ', e.actors.flatMap((a, i) => [i ? ', ' : '', link('entity', a.id, a.name)])] : null,
          e.quantities.length ? ' · ' + e.quantities.join(', ') : null),
        el('p', { class: 'summary' }, e.summary),
        view.conflicts.length ? el('section', { class: 'conflicts' }, el('h2', {}, 'Where the sources disagree'), view.conflicts.map(conflict)) : null,
        el('section', {}, el('h2', {}, `Who says what (${view.reports.length} report${view.reports.length === 1 ? '' : 's'})`),
          el('div', { class: 'reports' }, view.reports.map(report))));
    } catch (error) { fail(main, error); }
  }
  show();
})();
