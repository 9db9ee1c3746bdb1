'use strict';
(() => {
  const { el, api, link, fail } = Sitrep;
  const form = document.getElementById('filters');
  const body = document.getElementById('entities');
  const count = document.getElementById('count');
  async function load() {
    try {
      const page = await api('entities', { ...Object.fromEntries(new FormData(form)), limit: 200 });
      count.textContent = `${page.total} name${page.total === 1 ? '' : 's'}`;
      body.replaceChildren(...page.items.map(e => el('tr', {},
        el('td', {}, link('entity', e.id, e.name)), el('td', {}, e.type), el('td', {}, String(e.mentions)), el('td', {}, String(e.documents)))));
    } catch (error) { fail(body, error); }
  }
  form.addEventListener('submit', ev => { ev.preventDefault(); load(); });
  load();
})();
