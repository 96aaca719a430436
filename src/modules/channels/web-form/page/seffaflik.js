'use strict';
// The public map and figures: points drawn on an SVG of their own bounding box (nothing is
// loaded from outside), tables per department and mahalle for the chosen period.
(function () {
  var SVG = 'http://www.w3.org/2000/svg';
  var form = document.getElementById('period');
  var summary = document.getElementById('form-error');

  function query() {
    var parts = [];
    ['from', 'to'].forEach(function (f) {
      if (form[f].value) parts.push(f + '=' + encodeURIComponent(form[f].value));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }
  function get(path) {
    return fetch(path + query(), { headers: { Accept: 'application/json' } }).then(function (res) {
      return res.json().then(function (body) {
        if (res.status !== 200) throw body;
        return body;
      });
    });
  }
  function percent(share) {
    return share === null ? '—' : '%' + Math.round(share * 100);
  }
  function table(target, rows, first) {
    var el = document.getElementById(target);
    el.textContent = '';
    if (!rows.length) {
      el.textContent = 'Bu dönemde başvuru yok.';
      return;
    }
    var t = document.createElement('table');
    var head = t.createTHead().insertRow();
    [first, 'Gelen', 'Yanıtlanan', 'Süresinde yanıtlanan', 'Ortanca yanıt süresi (gün)'].forEach(function (h) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.appendChild(th);
    });
    var body = t.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      [r.name, r.received, r.answered, percent(r.inTimeShare), r.medianDays === null ? '—' : String(r.medianDays).replace('.', ',')].forEach(function (v) {
        tr.insertCell().textContent = String(v);
      });
    });
    el.appendChild(t);
  }
  function map(points) {
    var el = document.getElementById('map');
    el.textContent = '';
    if (!points.length) {
      el.textContent = 'Bu dönemde haritada gösterilecek başvuru yok.';
      return;
    }
    var lats = points.map(function (p) {
      return p.lat;
    });
    var longs = points.map(function (p) {
      return p.long;
    });
    var minLat = Math.min.apply(null, lats),
      maxLat = Math.max.apply(null, lats);
    var minLong = Math.min.apply(null, longs),
      maxLong = Math.max.apply(null, longs);
    var w = 600,
      h = 400,
      pad = 20;
    var spanLong = maxLong - minLong || 0.01,
      spanLat = maxLat - minLat || 0.01;
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', points.length + ' konumda başvuru');
    svg.setAttribute('width', '100%');
    var frame = document.createElementNS(SVG, 'rect');
    frame.setAttribute('width', w);
    frame.setAttribute('height', h);
    frame.setAttribute('fill', '#f4f4f4');
    svg.appendChild(frame);
    points.forEach(function (p) {
      var c = document.createElementNS(SVG, 'circle');
      c.setAttribute('cx', pad + ((p.long - minLong) / spanLong) * (w - 2 * pad));
      c.setAttribute('cy', h - pad - ((p.lat - minLat) / spanLat) * (h - 2 * pad));
      c.setAttribute('r', Math.min(12, 4 + p.count));
      c.setAttribute('fill', p.state === 'open' ? '#c0392b' : '#1e8449');
      c.setAttribute('fill-opacity', '0.7');
      var title = document.createElementNS(SVG, 'title');
      title.textContent =
        (p.category || 'Konusu belirlenmemiş') + ' — ' + (p.mahalle || 'mahalle yok') + ': ' + p.count + (p.state === 'open' ? ' açık' : ' yanıtlandı');
      c.appendChild(title);
      svg.appendChild(c);
    });
    el.appendChild(svg);
  }
  function load() {
    summary.hidden = true;
    ['from', 'to'].forEach(function (f) {
      document.getElementById(f + '-error').textContent = '';
    });
    Promise.all([get('/api/v1/public/statistics'), get('/api/v1/public/map')]).then(
      function (answers) {
        form.from.value = answers[0].from;
        form.to.value = answers[0].to;
        table('departments', answers[0].departments, 'Birim');
        table('mahalleler', answers[0].mahalleler, 'Mahalle');
        map(answers[1].points);
      },
      function (body) {
        (body.details || []).forEach(function (d) {
          var slot = document.getElementById(d.field + '-error');
          if (slot) slot.textContent = d.message.replace(/^[\w.-]+: /, '');
        });
        summary.textContent = body.message || 'Bağlantı kurulamadı. Lütfen tekrar deneyin.';
        summary.hidden = false;
      },
    );
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  load();
})();
