'use strict';
(() => {
  const { el, fill, api, param, link, stance, eventCard, fail } = Sitrep;
  const main = document.getElementById('document');

  /**
   * The body cut at every annotation's edges; each piece carries the classes of all annotations covering it, so
   * nested and overlapping annotations (a name inside a claim) both show. Pieces are text nodes: nothing in the body
   * is ever read as HTML.
   */
  function annotated(d) {
    const spans = [
      ...d.claims.map(c => ({ start: c.start, end: c.end, cls: 'claim claim-' + c.stance,
        title: `${c.stance}: ${c.source ? c.source.name : c.sourceText || 'the outlet'}` })),
      ...d.mentions.map(m => ({ start: m.start, end: m.end, cls: 'mention m-' + m.kind, title: `${m.kind}: ${m.label}`, entity: m.entity })),
      ...d.times.map(t => ({ start: t.start, end: t.end, cls: 'time', title: `${t.kind} ${t.value}` })),
      ...d.quantities.map(q => ({ start: q.start, end: q.end, cls: 'quantity', title: `quantity ${q.value}` })),
    ].filter(s => s.start >= 0 && s.end <= d.body.length && s.start < s.end);
    const cuts = [...new Set([0, d.body.length, ...spans.flatMap(s => [s.start, s.end])])].sort((a, b) => a - b);
    const out = el('div', { class: 'body' });
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const text = d.body.slice(a, b);
      const covering = spans.filter(s => s.start <= a && s.end >= b);
      if (covering.length === 0) { out.append(document.createTextNode(text)); continue; }
      const entity = covering.find(s => s.entity);
      const piece = entity
        ? el('a', { href: `entity.html?id=${encodeURIComponent(entity.entity)}` }, text)
        : el('span', {}, text);
      piece.className = covering.map(s => s.cls).join(' ');
      piece.title = covering.map(s => s.title).join('\n');
      out.append(piece);
    }
    return out;
  }

  function legend() {
    return el('p', { class: 'legend' }, 'Highlighted: ',
      el('span', { class: 'mention m-PER' }, 'person'), ' ', el('span', { class: 'mention m-LOC' }, 'place'), ' ',
      el('span', { class: 'mention m-ORG' }, 'organisation'), ' ', el('span', { class: 'time' }, 'time'), ' ',
      el('span', { class: 'quantity' }, 'quantity'), ' ', el('span', { class: 'claim claim-asserts' }, 'attributed claim'),
      ' (hover for details)');
  }

  async function show() {
    try {
      const d = await api('documents/' + encodeURIComponent(param('id') || ''));
      document.title = `${d.title || d.id} · Sitrep`;
      const attributed = d.claims.filter(c => c.source || c.sourceText);
      fill(main, 
        el('h1', {}, d.title || '(untitled)'),
        el('p', { class: 'facts' }, [d.outlet, d.author, d.published ? `published ${d.published} (from ${d.publishedFrom})` : 'undated', d.language]
          .filter(Boolean).join(' · '), d.url ? [' · ', el('a', { href: d.url, rel: 'noreferrer noopener', target: '_blank' }, 'original')] : null,
          d.duplicateOf ? [' · copy of ', link('document', d.duplicateOf, d.duplicateOf)] : null),
        legend(),
        el('div', { class: 'columns' },
          annotated(d),
          el('aside', {},
            el('h2', {}, `Claims (${attributed.length})`),
            el('ul', { class: 'claims' }, attributed.map(c => el('li', {},
              el('strong', {}, c.source ? link('entity', c.source.id, c.source.name) : c.sourceText), ' ', stance(c.stance),
              el('div', { class: 'quote' }, c.text)))),
            el('h2', {}, `Events (${d.events.length})`),
            el('ol', { class: 'events compact' }, d.events.map(eventCard)))));
    } catch (error) { fail(main, error); }
  }
  show();
})();
