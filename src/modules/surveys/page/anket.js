'use strict';
// Shows the survey of the token in the address and sends the citizen's answer once.
(function () {
  var token = location.pathname.split('/').pop();
  var api = '/api/v1/public/surveys/' + encodeURIComponent(token);
  var form = document.getElementById('survey');
  var about = document.getElementById('about');
  var summary = document.getElementById('form-error');
  var result = document.getElementById('result');

  function done(body) {
    form.hidden = true;
    result.textContent = body.reopened
      ? 'Yanıtınız kaydedildi. Başvurunuz bir yönetici tarafından yeniden incelenecek.'
      : 'Yanıtınız kaydedildi. Teşekkür ederiz.';
    result.hidden = false;
    result.focus();
  }
  function fail(message) {
    summary.textContent = message;
    summary.hidden = false;
    summary.focus();
  }

  fetch(api, { headers: { Accept: 'application/json' } }).then(
    function (res) {
      return res.json().then(function (body) {
        if (res.status !== 200) return fail(body.message || 'Anket bulunamadı.');
        about.textContent = body.trackingNo + ' numaralı başvurunuz';
        if (body.answered) return done(body);
        form.hidden = false;
      });
    },
    function () {
      fail('Bağlantı kurulamadı. Lütfen tekrar deneyin.');
    },
  );

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    summary.hidden = true;
    ['score', 'solved', 'comment'].forEach(function (f) {
      document.getElementById(f + '-error').textContent = '';
    });
    var score = form.querySelector('input[name=score]:checked');
    var solved = form.querySelector('input[name=solved]:checked');
    var answer = { score: score ? Number(score.value) : null };
    if (solved) answer.solved = solved.value === 'true';
    if (form.comment.value.trim()) answer.comment = form.comment.value.trim();
    fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(answer) }).then(
      function (res) {
        return res.json().then(function (body) {
          if (res.status === 200) return done(body);
          (body.details || []).forEach(function (d) {
            var slot = document.getElementById(d.field + '-error');
            if (slot) slot.textContent = d.message.replace(/^(?:[^():]+ \([\w.-]+\)|[\w.-]+): /, '');
          });
          fail(body.message || 'Yanıtınız kaydedilemedi.');
        });
      },
      function () {
        fail('Bağlantı kurulamadı. Lütfen tekrar deneyin.');
      },
    );
  });
})();
