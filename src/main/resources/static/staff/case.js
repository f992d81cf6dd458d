// The case page: the conversation as both sides saw it, attachments inline (through the console's authorized
// download), deadlines counting down in working time, the timeline, internal notes, canned replies and the
// actions the policy allows now, with a confirmation for the terminal ones. Loaded after nav.js and console.js.
// Everything from the server goes in with textContent (or as an attribute value), never as markup.
(function () {
  'use strict';
  const c = window.TeahouseConsole, nav = window.TeahouseNav;
  const $ = c.$, el = c.el, api = c.api, t = c.t;
  const number = document.body.dataset.case;
  const path = '/cases/' + encodeURIComponent(number);
  const TERMINAL = { resolve: 'confirm.resolve', decline: 'confirm.decline', close: 'confirm.close' };
  let current = null;

  function when(ms) { return ms ? new Date(ms).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'zh-CN') : ''; }

  function bubble(line) {
    const li = el('li', null, 'msg from-' + line.from);
    const who = el('span', line.who || t('case.from.' + line.from), 'who');
    li.appendChild(who);
    if (line.at) { li.appendChild(el('time', when(line.at))); }
    if (line.attachment) {
      const f = line.attachment;
      if (f.photo) {
        const a = el('a'); a.href = f.href; a.target = '_blank'; a.rel = 'noopener';
        const img = el('img', null, 'thumb'); img.src = f.href; img.alt = f.name || f.kind;
        a.appendChild(img); li.appendChild(a);
      } else {
        const a = el('a', t('case.download') + ' ' + (f.name || f.kind), 'file'); a.href = f.href; a.download = f.name || '';
        li.appendChild(a);
      }
    }
    if (line.text) { li.appendChild(el('p', line.text)); }
    return li;
  }

  function fields(v) {
    const dl = $('fields');
    dl.replaceChildren();
    [['category', v.categoryName], ['description', v.description], ['location', v.location],
      ['company', v.company === null ? t('case.hidden') : v.company], ['contact', t('case.askContact')],
      ['phone', t('case.askContact')], ['resolution', v.resolution]].forEach(([k, val]) => {
      dl.appendChild(el('dt', t('case.field.' + k)));
      const dd = el('dd', val || '-'); dd.id = 'field-' + k; dl.appendChild(dd);
    });
  }

  function deadline(id, due, leftMs) {
    const e = $(id);
    e.querySelector('.when').textContent = due ? when(due) : '-';
    const left = e.querySelector('.left');
    left.dataset.left = leftMs === null || leftMs === undefined ? '' : leftMs;
    left.classList.toggle('overdue', leftMs !== null && leftMs < 0);
  }

  function load() {
    return api(path).then((v) => {
      current = v;
      $('number').textContent = v.tracking;
      $('state').textContent = t('state.' + v.state) + (v.supervised ? ' · ' + t('count.supervised') : '');
      $('unit').textContent = v.unitName;
      $('holder').textContent = v.claimedByName || t('case.unclaimed');
      fields(v);
      const list = $('conversation');
      list.replaceChildren(...v.conversation.map(bubble));
      list.scrollTop = list.scrollHeight; // the latest at hand, as in a chat
      deadline('claim-due', v.deadlines.claimDue, v.deadlines.claimLeft);
      deadline('reply-due', v.deadlines.replyDue, v.deadlines.replyLeft);
      $('notes').replaceChildren(...v.notes.map((n) => el('li', when(n.at) + ' ' + (n.whoName || n.who) + '：' + (n.note || ''))));
      $('history').replaceChildren(...v.history.map((h) => el('li', when(h.at) + ' · ' + (h.whoName || h.who) + ' · '
        + t('event.' + h.type) + (h.from && h.to && h.from !== h.to ? ' (' + t('state.' + h.from) + ' → ' + t('state.' + h.to) + ')' : '')
        + (h.note && h.type !== 'note' ? ' · ' + h.note : ''))));
      document.querySelectorAll('#actions [data-action]').forEach((b) => {
        const policy = { message: 'relay', reroute: 'transfer' }[b.dataset.action] || b.dataset.action;
        b.hidden = v.allowed.indexOf(policy) < 0;
      });
      c.tick();
      return v;
    });
  }

  // the terminal actions ask first, in a dialog (no window.confirm: it blocks and cannot be styled)
  function confirmFirst(action) {
    if (!TERMINAL[action]) { return Promise.resolve(true); }
    return new Promise((resolve) => {
      const d = $('confirm');
      $('confirm-text').textContent = t(TERMINAL[action]);
      d.dataset.action = action;
      const done = (yes) => { d.close(); $('confirm-yes').onclick = null; $('confirm-no').onclick = null; resolve(yes); };
      $('confirm-yes').onclick = () => done(true);
      $('confirm-no').onclick = () => done(false);
      d.showModal();
    });
  }

  function act(action, extra) {
    confirmFirst(action).then((yes) => {
      if (!yes) { return; }
      const body = Object.assign({ text: $('reply').value }, extra || {});
      api(path + '/' + action, body).then((r) => {
        $('result').textContent = r.done ? t('action.done') : (r.claimer ? t('action.claimedBy', { name: r.claimer })
          : t('action.notDone') + r.problem);
        if (r.done) { $('reply').value = ''; }
        load();
      }).catch((e) => { $('result').textContent = e.message; });
    });
  }

  function canned() {
    if (!current) { return; }
    api('/canned?category=' + encodeURIComponent(current.category || '')).then((r) => {
      const pick = $('canned-pick');
      const first = el('option', t('case.cannedPick')); first.value = '';
      pick.replaceChildren(first, ...r.items.map((i) => { const o = el('option', i.title); o.value = i.id; o.dataset.text = i.text; return o; }));
    });
  }

  $('canned-pick').addEventListener('change', (e) => {
    const o = e.target.selectedOptions[0];
    if (o && o.value) { $('reply').value = o.dataset.text; $('reply').focus(); }
  });
  $('canned-form').addEventListener('submit', (e) => {
    e.preventDefault();
    api('/canned', { category: current.category, title: $('canned-title').value, text: $('canned-text').value })
      .then(() => { $('canned-form').reset(); $('canned-result').textContent = t('action.done'); canned(); })
      .catch((err) => { $('canned-result').textContent = err.message; });
  });
  document.querySelectorAll('#actions [data-action]').forEach((b) => {
    b.addEventListener('click', () => {
      const a = b.dataset.action;
      act(a, a === 'transfer' || a === 'reroute' ? { unit: $('to-unit').value } : (a === 'decline' ? { route: 'NONE' } : undefined));
    });
  });
  // contact data only on request, logged; a confidential case takes the reason from the text box
  $('contact').addEventListener('click', () => {
    api(path + '/contact', { text: $('reply').value }).then((r) => {
      $('field-company').textContent = r.company || '-';
      $('field-contact').textContent = r.contactName || '-';
      $('field-phone').textContent = r.phone || '-';
    }).catch((e) => { $('result').textContent = e.message; });
  });

  nav.ready.then(() => {
    document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-t-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.tPlaceholder); });
    c.session().then((m) => {
      m.units.forEach((u) => { const o = el('option', u.name); o.value = u.id; $('to-unit').appendChild(o); });
      $('canned-manage').hidden = m.roles.indexOf('SUPERVISOR') < 0;
    });
    load().then(canned);
  });
  nav.on('case', (changed) => { if (changed === number) { load(); } });
  setInterval(c.tick, 60000);
})();
