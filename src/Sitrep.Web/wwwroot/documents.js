'use strict';
(() => {
  const { el, api, link, fail } = Sitrep;
  const form = document.getElementById('filters');
  const body = document.getElementById('documents');
  const count = document.getElementById('count');
  async function load() {
    try {
      const page = await api('documents', { ...Object.fromEntries(new FormData(form)), limit: 200 });
      count.textContent = `${page.total} article${page.total === 1 ? '' : 's'}`;
      body.replaceChildren(...page.items.map(d => el('tr', {},
        el('td', {}, link('document', d.id, d.title || d.id)), el('td', {}, d.outlet), el('td', {}, d.published || 'undated'))));
    } catch (error) { fail(body, error); }
  }
  form.addEventListener('submit', ev => { ev.preventDefault(); load(); });
  load();
})();
