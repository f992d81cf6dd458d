// The policy office's digest pages. Every value from the server goes into the page with textContent, never as markup.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const page = document.body.dataset.page;

  let whoAmI = null;
  function me() {
    if (!whoAmI) {
      whoAmI = fetch('/staff/api/me', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then((r) => { if (r.status === 401) { location.href = '/staff/login'; } return r.json(); });
    }
    return whoAmI;
  }

  // Resolves with {status, body}: 422 and 409 are answers the page shows, not failures.
  function api(method, path, body) {
    const init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    const go = (m) => {
      if (method !== 'GET') {
        init.headers[m.csrf.header] = m.csrf.token;
        if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
      }
      return fetch('/policy/api' + path, init).then((r) => {
        if (r.status === 401) { location.href = '/staff/login'; }
        return r.json().catch(() => ({})).then((b) => ({ status: r.status, body: b }));
      });
    };
    return method === 'GET' ? go(null) : me().then(go);
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function debounce(fn, ms) {
    let t = null;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  me().then((m) => { if ($('me')) { $('me').textContent = m.username; } });

  // ---- entries list
  function entries() {
    const load = () => {
      const q = encodeURIComponent($('q').value);
      api('GET', '/entries?q=' + q + ($('expiring').checked ? '&expiringDays=30' : '')).then((r) => {
        const body = $('entries').querySelector('tbody');
        body.replaceChildren();
        (r.body.items || []).forEach((e) => {
          const tr = el('tr', null, e.expired ? 'overdue' : '');
          const a = el('a', e.id);
          a.href = '/policy/edit?id=' + encodeURIComponent(e.id);
          const id = el('td'); id.appendChild(a); tr.appendChild(id);
          tr.appendChild(el('td', e.titleZh + ' / ' + e.titleEn));
          tr.appendChild(el('td', (e.documents || []).join('、')));
          tr.appendChild(el('td', e.department || ''));
          tr.appendChild(el('td', (e.tags || []).join(', ')));
          tr.appendChild(el('td', e.expires ? e.expires + (e.expired ? ' 已过期 expired' : '') : '-'));
          body.appendChild(tr);
        });
      });
    };
    $('q').addEventListener('input', debounce(load, 250));
    $('expiring').addEventListener('change', load);
    load();
  }

  // ---- history with diff and rollback, shared by the editor and the synonyms page
  function history(path, rollbackPath, diffId, onRolledBack) {
    return api('GET', path).then((r) => {
      const body = $('history').querySelector('tbody');
      body.replaceChildren();
      const versions = (r.body.versions || []).slice().reverse();
      versions.forEach((v, i) => {
        const tr = el('tr');
        ['from', 'to'].forEach((side) => {
          const td = el('td'); const radio = el('input');
          radio.type = 'radio'; radio.name = side; radio.value = v.version;
          radio.checked = (side === 'to' && i === 0) || (side === 'from' && i === 1);
          td.appendChild(radio); tr.appendChild(td);
        });
        tr.appendChild(el('td', v.version + (v.action !== 'publish' ? ' (' + v.action + ')' : '')));
        tr.appendChild(el('td', v.author));
        tr.appendChild(el('td', v.at));
        tr.appendChild(el('td', v.note));
        const td = el('td');
        if (i > 0 && v.action !== 'withdraw') {
          const b = el('button', '回滚到此版本 Roll back', 'rollback');
          b.dataset.version = v.version;
          b.addEventListener('click', () => api('POST', rollbackPath, { version: v.version, note: $('note').value })
            .then((res) => { showResult(res); if (res.status === 200) { onRolledBack(); } }));
          td.appendChild(b);
        }
        tr.appendChild(td);
        body.appendChild(tr);
      });
      $('diff').onclick = () => {
        const from = document.querySelector('input[name=from]:checked');
        const to = document.querySelector('input[name=to]:checked');
        if (!from || !to) { return; }
        api('GET', '/versions/diff?id=' + encodeURIComponent(diffId) + '&from=' + from.value + '&to=' + to.value)
          .then((d) => {
            const out = $('diff-out');
            out.replaceChildren();
            (d.body.diff || []).forEach((line) => {
              out.appendChild(el('div', line, line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : ''));
            });
          });
      };
    });
  }

  function showResult(res) {
    const msg = res.status === 200 ? '已发布，版本 ' + res.body.version + ' · published'
      : res.status === 409 ? '冲突：' + res.body.error
        : res.status === 422 ? '未发布：有 ' + res.body.problems.length + ' 个问题 · not published'
          : (res.body.error || ('HTTP ' + res.status));
    $('result').textContent = msg;
    $('result').className = res.status === 200 ? '' : 'error';
    if (res.status === 422) { showProblems(res.body.problems); }
  }

  function showProblems(problems) {
    const list = $('problems');
    list.replaceChildren();
    const bad = new Set();
    (problems || []).forEach((p) => {
      bad.add(p.line);
      const li = el('li', '第 ' + p.line + ' 行 line ' + p.line + ': ' + p.message, p.severity);
      li.dataset.line = p.line;
      li.addEventListener('click', () => selectLine(p.line));
      list.appendChild(li);
    });
    if ($('gutter')) { gutter(bad); }
  }

  function gutter(bad) {
    const g = $('gutter');
    g.replaceChildren();
    const n = $('markdown').value.split('\n').length;
    for (let i = 1; i <= n; i++) {
      const s = el('span', i + '\n', bad.has(i) ? 'bad' : '');
      s.dataset.line = i;
      g.appendChild(s);
    }
  }

  function selectLine(line) {
    const ta = $('markdown') || $('synonyms');
    const lines = ta.value.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
    ta.focus();
    ta.setSelectionRange(start, start + (lines[line - 1] || '').length);
  }

  function renderAnswer(target, answer) {
    target.replaceChildren();
    if (!answer) { target.textContent = '（无法解析 cannot be parsed）'; return; }
    answer.spans.forEach((s) => target.appendChild(s.bold ? el('b', s.text) : document.createTextNode(s.text)));
  }

  // ---- entry editor
  function template(question) {
    const q = JSON.stringify(question || '');
    const han = /[\u4e00-\u9fff]/.test(question || '');
    return ['---', 'id: new-entry', 'title:', '  zh: ""', '  en: ""', 'questions:', '  zh:',
      '    - ' + (han || !question ? q : '""'), '  en:', '    - ' + (!han && question ? q : '""'), 'sources:',
      '  - document: 优化营商环境条例', '    articles: [1]', 'effective: 2020-01-01', 'department: ""', 'tags: []',
      '---', '## zh', '', '## zh-detail', '', '## en', '', '## en-detail', ''].join('\n');
  }

  function editor() {
    const params = new URLSearchParams(location.search);
    let version = 0;
    const ta = $('markdown');
    const id = () => $('entry-id').value.trim();
    const check = () => {
      gutter(new Set());
      api('POST', '/check', { id: id() || 'new-entry', markdown: ta.value }).then((r) => showProblems(r.body.problems));
      api('POST', '/preview', { markdown: ta.value }).then((r) => {
        renderAnswer($('preview-zh'), r.body.zh);
        renderAnswer($('preview-en'), r.body.en);
      });
    };
    const changed = debounce(check, 400);
    ta.addEventListener('input', () => { gutter(new Set()); changed(); });
    $('entry-id').addEventListener('input', changed);
    ta.addEventListener('scroll', () => { $('gutter').scrollTop = ta.scrollTop; });
    const loadHistory = () => history('/entries/' + encodeURIComponent(id()) + '/history',
      '/entries/' + encodeURIComponent(id()) + '/rollback', id(), load);
    function load() {
      api('GET', '/entries/' + encodeURIComponent(id())).then((r) => {
        if (r.status !== 200) { $('result').textContent = '没有这个条目 no such entry'; return; }
        ta.value = r.body.markdown;
        version = r.body.version;
        $('version').textContent = '版本 version ' + version;
        check();
        loadHistory();
      });
    }
    $('publish').addEventListener('click', () => {
      api('PUT', '/entries/' + encodeURIComponent(id()), { markdown: ta.value, note: $('note').value, version: version })
        .then((res) => {
          showResult(res);
          if (res.status === 200) {
            version = res.body.version;
            $('version').textContent = '版本 version ' + version;
            $('entry-id').readOnly = true;
            window.history.replaceState(null, '', '/policy/edit?id=' + encodeURIComponent(id()));
            loadHistory();
          }
        });
    });
    $('withdraw').addEventListener('click', () => {
      api('DELETE', '/entries/' + encodeURIComponent(id()) + '?version=' + version + '&note='
        + encodeURIComponent($('note').value)).then((res) => {
        $('result').textContent = res.status === 200 ? '已撤下 withdrawn' : (res.body.error || ('HTTP ' + res.status));
        if (res.status === 200) { version = res.body.version; loadHistory(); }
      });
    });
    if (params.get('id')) {
      $('entry-id').value = params.get('id');
      $('entry-id').readOnly = true;
      load();
    } else {
      $('entry-id').value = 'new-entry';
      ta.value = template(params.get('question'));
      $('version').textContent = '新条目 new';
      check();
    }
  }

  // ---- synonyms
  function synonyms() {
    let version = 0;
    const load = () => api('GET', '/synonyms').then((r) => {
      $('synonyms').value = r.body.text;
      version = r.body.version;
      $('version').textContent = '版本 version ' + version;
      history('/synonyms/history', '/synonyms/rollback', 'synonyms', load);
    });
    $('publish').addEventListener('click', () => api('PUT', '/synonyms',
      { text: $('synonyms').value, note: $('note').value, version: version }).then((res) => {
      showResult(res);
      if (res.status === 200) { load(); }
    }));
    load();
  }

  if (page === 'entries') { entries(); }
  if (page === 'edit') { editor(); }
  if (page === 'synonyms') { synonyms(); }
}());
