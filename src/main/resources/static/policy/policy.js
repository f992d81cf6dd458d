// The policy office's pages. Every value from the server is put in the page with textContent, never as markup.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const DECISIONS = { answer: '直接回答', offer: '给出选项（您是想问）', decline: '不回答', person: '转人工' };
  const OUTCOMES = { right: '答对', wrong: '答错', offered_right: '选项含正确条目', offered_wrong: '选项不含正确条目',
    declined: '未回答', declined_right: '正确地未回答', person_missed: '未转人工' };

  let whoAmI = null;
  function session() {
    if (!whoAmI) { whoAmI = call('GET', '/staff/api/me'); }
    return whoAmI;
  }

  // A refusal carries {message} or, for a broken draft, {problems: [{line, message}]}.
  function call(method, path, body, csrf) {
    const init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.headers[csrf.header] = csrf.token;
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then((r) => {
      if (r.status === 401) { location.href = '/staff/login'; }
      return r.json().catch(() => ({})).then((b) => {
        if (!r.ok) { const e = new Error(b.message || ('HTTP ' + r.status)); e.problems = b.problems; throw e; }
        return b;
      });
    });
  }

  function post(path, body) {
    return session().then((m) => call('POST', path, body, m.csrf));
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function row(cells) {
    const tr = el('tr');
    cells.forEach((c) => { const td = el('td'); if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c; } tr.appendChild(td); });
    return tr;
  }

  function draft() {
    const text = $('draft').value;
    return text.trim() ? { id: $('draft-id').value.trim(), markdown: text } : undefined;
  }

  function showProblems(e) {
    const list = $('problems');
    list.textContent = '';
    (e.problems || []).forEach((p) => list.appendChild(el('li', '第 ' + p.line + ' 行：' + p.message)));
  }

  function unansweredPage() {
    function load() {
      const q = '?days=' + encodeURIComponent($('days').value) + '&sort=' + encodeURIComponent($('sort').value);
      call('GET', '/policy/api/unanswered' + q).then((b) => {
        const body = document.querySelector('#unanswered tbody');
        body.textContent = '';
        $('empty').hidden = b.items.length > 0;
        b.items.forEach((it) => {
          const question = el('div');
          question.appendChild(el('div', it.question, 'question-text'));
          const others = (it.variants || []).filter((v) => v !== it.question);
          if (others.length) { question.appendChild(el('div', '另见：' + others.join(' / '), 'variants')); }
          const actions = el('span');
          const create = el('a', '新建条目', 'create-entry');
          create.href = '/policy/edit?new=1&question=' + encodeURIComponent(it.question);
          const done = el('button', '已处理', 'handled');
          done.type = 'button';
          done.addEventListener('click', () => {
            post('/policy/api/unanswered/' + encodeURIComponent(it.id) + '/handled', {})
              .then(load).catch((e) => { $('result').textContent = e.message; });
          });
          const tryIt = el('a', '试问', 'try-question');
          tryIt.href = '/policy/try?question=' + encodeURIComponent(it.question) + '&lang=' + encodeURIComponent(it.lang);
          actions.append(create, ' ', tryIt, ' ', done);
          const tr = row([question, it.lang, it.count, new Date(it.lastAsked).toLocaleString(),
            (it.candidates || []).join(', '), actions]);
          tr.dataset.id = it.id;
          body.appendChild(tr);
        });
      }).catch((e) => { $('result').textContent = e.message; });
    }
    $('days').addEventListener('change', load);
    $('sort').addEventListener('change', load);
    load();
  }

  function tryPage() {
    const params = new URLSearchParams(location.search);
    if (params.get('question')) { $('question').value = params.get('question'); }
    if (params.get('lang') === 'en') { $('lang').value = 'en'; }
    $('try-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      $('problems').textContent = '';
      const body = { question: $('question').value, lang: $('lang').value, draft: draft() };
      post('/policy/api/try', body).then((r) => {
        $('decision').textContent = '机器人会：' + (DECISIONS[r.decision] || r.decision)
          + (r.answer ? '（' + r.answer + '）' : '') + (r.offered.length ? '（' + r.offered.join(', ') + '）' : '');
        $('decision').className = 'decision-' + r.decision;
        $('decision').dataset.decision = r.decision;
        const tbody = document.querySelector('#ranking tbody');
        tbody.textContent = '';
        r.ranking.forEach((c) => {
          const why = Object.keys(c.features).map((k) => k + '=' + c.features[k]).join(' ') + (c.note ? ' · ' + c.note : '');
          tbody.appendChild(row([c.id, c.title, (c.probability * 100).toFixed(1) + '%', c.decision, el('span', why, 'why')]));
        });
      }).catch((e) => { $('decision').textContent = e.message; $('decision').className = ''; showProblems(e); });
    });
    if (params.get('question')) { $('ask').click(); }
  }

  function evaluatePage() {
    $('evaluate-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      $('problems').textContent = '';
      $('summary').textContent = '运行中…';
      $('run').disabled = true;
      const d = draft();
      post('/policy/api/evaluate', d ? { draft: d } : {}).then((r) => {
        $('summary').textContent = r.questions + ' 个问题：' + r.nowAnswered + ' 个现在答对，' + r.nowWrong
          + ' 个现在答错，' + r.noLongerAnswered + ' 个不再答对（' + r.summary + '）';
        const tbody = document.querySelector('#changed tbody');
        tbody.textContent = '';
        r.changed.forEach((c) => {
          const show = (o) => (OUTCOMES[o.outcome] || o.outcome) + (o.entry ? '（' + o.entry + '）' : '');
          tbody.appendChild(row([c.question, show(c.before), show(c.after)]));
        });
      }).catch((e) => { $('summary').textContent = e.message; showProblems(e); })
        .finally(() => { $('run').disabled = false; });
    });
  }

  session().then((m) => {
    $('me').textContent = m.username;
    const hidden = el('input'); hidden.type = 'hidden'; hidden.name = '_csrf'; hidden.value = m.csrf.token;
    $('logout').appendChild(hidden);
  }).catch(() => {});
  const page = document.body.dataset.page;
  if (page === 'unanswered') { unansweredPage(); }
  if (page === 'try') { tryPage(); }
  if (page === 'evaluate') { evaluatePage(); }
})();
