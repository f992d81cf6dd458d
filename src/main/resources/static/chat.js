// The web chat page. Everything from the server is rendered with textContent: never as HTML.
(function () {
  'use strict';
  var lang = (navigator.language || 'zh').toLowerCase().indexOf('en') === 0 ? 'en' : 'zh';
  var texts = {};
  var log = document.getElementById('log');
  var input = document.getElementById('input');
  var errorBox = document.getElementById('error');
  var statusBox = document.getElementById('status');
  var lines = {};

  function t(key) { return texts[key] || key; }

  function newId() {
    var a = new Uint8Array(12);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  function post(body) {
    body.id = body.id || newId();
    body.lang = lang;
    showError('');
    return fetch('/api/chat/send', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) {
      if (r.ok) { return true; }
      return r.json().then(function (j) { showError(j.error || t('failed')); return false; },
        function () { showError(t('failed')); return false; });
    }, function () { showError(t('failed')); return false; });
  }

  function render(line) {
    var el = document.createElement('div');
    el.className = 'line ' + (line.from || 'bot');
    el.dataset.id = line.id;
    (line.spans || []).forEach(function (span) {
      var s = document.createElement(span.bold ? 'strong' : 'span');
      s.textContent = span.text;
      el.appendChild(s);
    });
    if (line.file) {
      var f = document.createElement('div');
      f.className = 'file';
      f.textContent = '📎 ' + line.file;
      el.appendChild(f);
    }
    var rows = line.buttons || [];
    if (rows.length) {
      var box = document.createElement('div');
      box.className = 'buttons';
      rows.forEach(function (row) {
        var r = document.createElement('div');
        r.className = 'row';
        row.forEach(function (b) {
          var btn = document.createElement('button');
          btn.type = 'button';
          btn.textContent = b.label;
          btn.addEventListener('click', function () { press(line, b, box); });
          r.appendChild(btn);
        });
        box.appendChild(r);
      });
      el.appendChild(box);
    }
    return el;
  }

  function press(line, button, box) {
    if (button.kind === 'SHARE_CONTACT') {
      var phone = window.prompt(t('phonePrompt'));
      if (phone) { post({ phone: phone }); }
      return;
    }
    Array.prototype.forEach.call(box.querySelectorAll('button'), function (b) { b.disabled = true; });
    post({ button: button.data, ref: line.edits || line.id }).then(function (ok) {
      if (!ok) { Array.prototype.forEach.call(box.querySelectorAll('button'), function (b) { b.disabled = false; }); }
    });
  }

  function add(line) {
    if (!line.edits && lines[line.id]) { return; } // already shown before a reconnect
    var target = line.edits && lines[line.edits];
    var el = render(line);
    if (target) {
      el.dataset.id = line.edits;
      target.replaceWith(el);
      lines[line.edits] = el;
    } else {
      lines[line.id] = el;
      log.appendChild(el);
    }
    log.scrollTop = log.scrollHeight;
  }

  // The server ends a stream after a few minutes (and when a chat has too many open): the browser reconnects
  // by itself with Last-Event-ID; if it gives up (a refused reconnect), we open a new one after a pause.
  var events = null;
  function follow() {
    statusBox.textContent = t('connecting');
    events = new EventSource('/api/chat/events');
    events.addEventListener('line', function (e) { add(JSON.parse(e.data)); });
    events.onopen = function () { statusBox.textContent = ''; };
    events.onerror = function () {
      statusBox.textContent = t('reconnecting');
      if (events.readyState === EventSource.CLOSED) { setTimeout(follow, 5000); }
    };
  }

  document.getElementById('end').addEventListener('click', function () {
    if (!window.confirm(t('endConfirm'))) { return; }
    if (events) { events.onerror = null; events.close(); }
    fetch('/api/chat/end', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: '{}'
    }).then(function () { window.location.reload(); }, function () { showError(t('failed')); });
  });

  document.getElementById('composer').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { showError(t('empty')); return; }
    if (text.length > 4000) { showError(t('tooLong')); return; }
    var id = newId();
    post({ id: id, text: text }).then(function (ok) { if (ok) { input.value = ''; } });
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      document.getElementById('composer').requestSubmit();
    }
  });

  fetch('/api/chat/session?lang=' + lang, { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (s) {
      texts = s.texts || {};
      document.documentElement.lang = s.lang;
      document.getElementById('title').textContent = t('title');
      document.title = t('title');
      document.getElementById('subtitle').textContent = t('subtitle');
      input.placeholder = t('placeholder');
      document.getElementById('send').textContent = t('send');
      document.getElementById('end').textContent = t('endChat');
      follow();
    });
}());
