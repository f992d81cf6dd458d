// 并单 on the case page: fills <section id="similar"> with the case's duplicate candidates, the group merged
// into it, or the case it was merged into, with merge, unmerge and dismiss (each asks for confirmation).
// Every value from the server is put in the page with textContent, never as markup. Texts are the console's
// (console.ui.similar.*, in the language of the switch), once nav.js has them.
(function () {
  'use strict';
  const nav = window.TeahouseNav || { ready: Promise.resolve(), t: (k) => k };
  const t_ = nav.t;
  const section = document.getElementById('similar');
  const t = document.body.dataset.case;
  if (!section || !t) { return; }
  let csrf = null;

  function send(path, post) {
    const init = { credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    const ready = post && !csrf
      ? fetch('/staff/api/me', init).then((r) => r.json()).then((m) => { csrf = m.csrf; })
      : Promise.resolve();
    return ready.then(() => {
      if (post) {
        init.method = 'POST';
        init.headers['Content-Type'] = 'application/json';
        init.headers[csrf.header] = csrf.token;
        init.body = JSON.stringify(post);
      }
      return fetch('/staff/api' + path, init);
    }).then((r) => r.json().catch(() => ({})).then((b) => {
      if (!r.ok) { throw new Error(b.message || ('HTTP ' + r.status)); }
      return b;
    }));
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function link(n) {
    const a = el('a', n);
    a.href = '/staff/case/' + encodeURIComponent(n);
    return a;
  }

  function button(id, label, question, action) {
    const b = el('button', label);
    b.id = id;
    b.addEventListener('click', () => {
      if (!window.confirm(question)) { return; }
      action().then(() => { status.textContent = t_('similar.done'); load(); })
        .catch((e) => { status.textContent = e.message; });
    });
    return b;
  }

  const status = el('p', '', 'similar-status');
  status.id = 'similar-status';
  status.setAttribute('role', 'status');
  const enc = encodeURIComponent;

  function load() {
    send('/cases/' + enc(t) + '/similar').then((s) => {
      section.replaceChildren(el('h2', t_('similar.title')));
      section.hidden = false; // the case page keeps the panel hidden until there is something to show
      if (s.mergedInto) {
        const p = el('p', t_('similar.mergedInto'));
        p.id = 'merged-into';
        p.append(link(s.mergedInto));
        section.append(p);
        if (s.canUnmerge) {
          section.append(button('unmerge', t_('similar.unmerge'), t_('similar.unmergeConfirm'),
            () => send('/cases/' + enc(t) + '/unmerge', {})));
        }
      }
      if (s.group && s.group.length) {
        const p = el('p', t_('similar.group'));
        p.id = 'merged-group';
        s.group.forEach((n, i) => { if (i) { p.append('、'); } p.append(link(n)); });
        section.append(p);
      }
      if (s.items && s.items.length) {
        const list = el('ul');
        list.id = 'similar-list';
        s.items.forEach((c) => {
          const li = el('li');
          li.dataset.tracking = c.tracking;
          li.append(link(c.tracking), el('span', ' ' + t_('similar.score', { score: Math.round(c.score * 100) })
            + ' · ' + (c.reason || '')));
          if (s.canMerge) {
            li.append(button('merge-into-' + c.tracking, t_('similar.merge'),
              t_('similar.mergeConfirm', { number: c.tracking }),
              () => send('/cases/' + enc(t) + '/merge', { into: c.tracking })));
          }
          li.append(button('dismiss-' + c.tracking, t_('similar.dismiss'), t_('similar.dismissConfirm'),
            () => send('/cases/' + enc(t) + '/similar/' + enc(c.tracking) + '/dismiss', {})));
          list.append(li);
        });
        section.append(el('p', t_('similar.intro')), list);
      } else if (!s.mergedInto) {
        section.append(el('p', t_('similar.none')));
      }
      section.append(status);
    }).catch((e) => { status.textContent = e.message; section.append(status); });
  }

  nav.ready.then(load, load);
})();
