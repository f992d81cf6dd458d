// The supervisor's 并单 list (/staff/similar): every open pair of candidates, best first, both cases linked to
// their pages, with "merge B into A" and "not the same problem", each confirmed first. Loaded after nav.js and
// console.js (window.TeahouseConsole: the API with its CSRF token, el, t); values go in with textContent only.
(function () {
  'use strict';
  const c = window.TeahouseConsole, nav = window.TeahouseNav;
  const t = c.t, enc = encodeURIComponent;
  const result = c.$('pairs-result');
  const current = c.$('nav-similar');
  if (current) { current.classList.add('current'); }

  function link(n) {
    const a = c.el('a', n);
    a.href = '/staff/case/' + enc(n);
    return a;
  }

  function cell(label, content) {
    const td = c.el('td');
    td.dataset.label = t(label);
    if (content instanceof Node) { td.append(content); } else { td.textContent = content; }
    return td;
  }

  // how long the pair has waited, in plain time (the later case's opening to now)
  function age(ms) {
    if (ms === null || ms === undefined) { return '-'; }
    const m = Math.floor(ms / 60000);
    if (m >= 1440) { return t('pairs.ageDays', { n: Math.floor(m / 1440) }); }
    if (m >= 60) { return t('pairs.ageHours', { n: Math.floor(m / 60) }); }
    return t('pairs.ageMinutes', { n: m });
  }

  function button(cls, label, question, action, done) {
    const b = c.el('button', label, cls);
    b.type = 'button';
    b.addEventListener('click', () => {
      if (!window.confirm(question)) { return; }
      b.closest('tr').querySelectorAll('button').forEach((x) => { x.disabled = true; });
      action().then(() => { result.textContent = done; load(); })
        .catch((e) => { result.textContent = e.message; load(); });
    });
    return b;
  }

  function row(p) {
    const names = { a: p.a, b: p.b };
    const tr = c.el('tr');
    tr.dataset.pair = p.a + '|' + p.b;
    const actions = cell('pairs.actions', '');
    actions.className = 'actions';
    actions.append(
      button('merge', t('pairs.merge'), t('pairs.mergeConfirm', names),
        () => c.api('/cases/' + enc(p.b) + '/merge', { into: p.a }), t('pairs.merged', names)),
      button('dismiss', t('pairs.dismiss'), t('pairs.dismissConfirm', names),
        () => c.api('/cases/' + enc(p.a) + '/similar/' + enc(p.b) + '/dismiss', {}), t('pairs.dismissed', names)));
    tr.append(cell('pairs.a', link(p.a)), cell('pairs.b', link(p.b)), cell('col.category', p.category || '-'),
      cell('pairs.score', Math.round(p.score * 100) + '%'), cell('pairs.reason', p.reason || '-'),
      cell('pairs.age', age(p.ageMillis)), actions);
    return tr;
  }

  function load() {
    return c.api('/similar').then((r) => {
      const items = r.items || [];
      c.$('pairs').querySelector('tbody').replaceChildren(...items.map(row));
      c.$('pairs').hidden = !items.length;
      document.body.dataset.pairs = String(items.length); // loaded: for people reading the page's state, and tests
      if (!items.length && !result.textContent) { result.textContent = t('pairs.none'); }
    }).catch((e) => { c.$('pairs').hidden = true; result.textContent = e.message; });
  }

  // a case that changes elsewhere (merged on its page, closed) may take its pairs with it; reload once per burst
  let pending = null;
  nav.on('case', () => { if (!pending) { pending = setTimeout(() => { pending = null; load(); }, 1000); } });
  nav.ready.then(load, load);
})();
