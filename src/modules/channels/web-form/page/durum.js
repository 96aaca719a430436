'use strict';
// Looks an application up by tracking number and the phone's last four digits, or the e-mail applied with.
(function () {
  var form = document.getElementById('lookup');
  var summary = document.getElementById('form-error');
  var result = document.getElementById('result');
  var no = new URLSearchParams(location.search).get('no');
  if (no) {
    form.trackingNo.value = no;
    form.phoneLast4.focus();
  }

  function text(value) {
    return value === null || value === undefined ? '—' : String(value);
  }
  function date(value) {
    return value ? new Date(value).toLocaleString('tr-TR', { timeZone: 'Europe/Istanbul' }) : '—';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    summary.hidden = true;
    // A new look-up never leaves the previous application on screen.
    result.hidden = true;
    result.textContent = '';
    ['trackingNo', 'phoneLast4', 'email'].forEach(function (f) {
      document.getElementById(f + '-error').textContent = '';
    });
    var email = form.email.value.trim();
    var proof = email ? 'email=' + encodeURIComponent(email) : 'phoneLast4=' + encodeURIComponent(form.phoneLast4.value.trim());
    var url = '/api/v1/public/tickets/' + encodeURIComponent(form.trackingNo.value.trim()) + '?' + proof;
    fetch(url, { headers: { Accept: 'application/json' } }).then(
      function (res) {
        return res.json().then(function (body) {
          if (res.status !== 200) {
            (body.details || []).forEach(function (d) {
              var slot = document.getElementById(d.field + '-error');
              if (slot) slot.textContent = d.message.replace(/^[\w.-]+: /, '');
            });
            summary.textContent = body.message || 'Başvuru bulunamadı.';
            summary.hidden = false;
            summary.focus();
            return;
          }
          var rows = [
            ['Durum', body.statusLabel],
            ['Tür', body.kind],
            ['Konu', body.category],
            ['Birim', body.department],
            ['Başvuru tarihi', date(body.createdAt)],
            ['Son işlem', date(body.updatedAt)],
            ['Yanıt tarihi', date(body.answeredAt)],
            ['Kapanış', date(body.closedAt)],
          ];
          result.textContent = '';
          var h = document.createElement('h2');
          h.textContent = 'Başvuru ' + body.trackingNo;
          var dl = document.createElement('dl');
          rows.forEach(function (row) {
            var dt = document.createElement('dt');
            dt.textContent = row[0];
            var dd = document.createElement('dd');
            dd.textContent = text(row[1]);
            dl.appendChild(dt);
            dl.appendChild(dd);
          });
          result.appendChild(h);
          result.appendChild(dl);
          result.hidden = false;
          result.focus();
        });
      },
      function () {
        summary.textContent = 'Bağlantı kurulamadı. Lütfen tekrar deneyin.';
        summary.hidden = false;
      },
    );
  });
})();
