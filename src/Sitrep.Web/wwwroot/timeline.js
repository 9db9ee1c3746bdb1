'use strict';
(() => {
  const { el, api, eventCard, fail } = Sitrep;
  const form = document.getElementById('filters');
  const list = document.getElementById('events');
  const more = document.getElementById('more');
  const count = document.getElementById('count');
  const pageSize = 100;
  let offset = 0;

  // the filters live in the address, so a filtered timeline can be bookmarked and shared
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params) if (form.elements[k]) form.elements[k].value = v;

  api('event-types').then(types => {
    const select = form.elements.type;
    for (const t of types) select.append(el('option', { value: t }, Sitrep.label(t)));
    if (params.get('type')) select.value = params.get('type');
  });

  function filters() {
    return Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
  }

  async function load(reset) {
    if (reset) { offset = 0; list.replaceChildren(); }
    try {
      const page = await api('events', { ...filters(), offset, limit: pageSize });
      let lastDay = list.dataset.lastDay;
      for (const e of page.items) list.append(eventCard(e));
      offset += page.items.length;
      count.textContent = `${page.total} event${page.total === 1 ? '' : 's'}`;
      more.hidden = offset >= page.total;
      list.dataset.lastDay = lastDay || '';
    } catch (error) { fail(list, error); }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    history.replaceState(null, '', '?' + new URLSearchParams(filters()));
    load(true);
  });
  more.addEventListener('click', () => load(false));
  load(true);
})();
