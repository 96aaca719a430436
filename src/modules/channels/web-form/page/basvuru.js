'use strict';
// The application form: fills the pick lists, posts the form, shows the API's field errors next
// to the fields, and polls the receipt until intake has given the application its number.
(function () {
  var API = '/api/v1/public';
  var form = document.getElementById('application');
  var summary = document.getElementById('form-error');
  var result = document.getElementById('result');
  var submit = document.getElementById('submit');

  // One key per filled-in form: a double click or a retry after a lost answer files it once.
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      })
      .join('');
  }
  var key = newKey();
  form.idempotencyKey.value = key;

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (res) {
      return res.json().then(function (body) {
        return { status: res.status, body: body, res: res };
      });
    });
  }

  function fillSelect(select, items, firstLabel) {
    var keep = select.value;
    select.textContent = '';
    select.appendChild(new Option(firstLabel, ''));
    items.forEach(function (item) {
      select.appendChild(new Option(item.name, item.id));
    });
    if (
      keep &&
      items.some(function (i) {
        return i.id === keep;
      })
    )
      select.value = keep;
  }

  getJson(API + '/mahalleler').then(function (r) {
    if (r.status === 200) fillSelect(form.mahalleId, r.body, 'Seçiniz');
  });

  var search = document.getElementById('category-search');
  var timer;
  // The extra fields each listed category asks for (plate number, tree count…), by category id.
  var fieldsOf = {};
  function searchCategories() {
    getJson(API + '/categories?q=' + encodeURIComponent(search.value.trim())).then(function (r) {
      if (r.status !== 200) return;
      r.body.forEach(function (c) {
        fieldsOf[c.id] = c.fields || [];
      });
      fillSelect(form.categoryId, r.body, r.body.length ? 'Bilmiyorum / listede yok' : 'Sonuç yok — boş bırakabilirsiniz');
      showCategoryFields();
    });
  }

  // Each field is named attributes[code] (a multi-choice list attributes[code][]), its error slot attributes.code-error.
  var fieldBox = document.getElementById('category-fields');
  function showCategoryFields() {
    fieldBox.textContent = '';
    (fieldsOf[form.categoryId.value] || []).forEach(function (f) {
      var id = 'attributes.' + f.code;
      var wrap = document.createElement(f.datatype === 'multivaluelist' ? 'fieldset' : 'div');
      wrap.className = 'field';
      var label = document.createElement(f.datatype === 'multivaluelist' ? 'legend' : 'label');
      label.textContent = f.label + (f.required ? ' *' : '');
      if (label.tagName === 'LABEL') label.htmlFor = id;
      wrap.appendChild(label);
      var input;
      if (f.datatype === 'singlevaluelist') {
        input = document.createElement('select');
        input.appendChild(new Option('Seçiniz', ''));
        f.options.forEach(function (o) {
          input.appendChild(new Option(o.name, o.key));
        });
      } else if (f.datatype === 'multivaluelist') {
        f.options.forEach(function (o, i) {
          var box = document.createElement('input');
          box.type = 'checkbox';
          box.name = 'attributes[' + f.code + '][]';
          box.value = o.key;
          box.id = id + '-' + i;
          var l = document.createElement('label');
          l.htmlFor = box.id;
          l.textContent = o.name;
          wrap.appendChild(box);
          wrap.appendChild(l);
        });
      } else {
        input = document.createElement(f.datatype === 'text' ? 'textarea' : 'input');
        if (f.datatype === 'number') input.inputMode = 'decimal';
        if (f.datatype === 'datetime') input.type = 'datetime-local';
      }
      if (input) {
        input.id = id;
        input.name = 'attributes[' + f.code + ']';
        input.required = f.required;
        input.setAttribute('aria-describedby', id + '-error');
        wrap.appendChild(input);
      }
      if (f.description) {
        var hint = document.createElement('p');
        hint.className = 'hint';
        hint.textContent = f.description;
        wrap.appendChild(hint);
      }
      var error = document.createElement('p');
      error.className = 'error';
      error.id = id + '-error';
      wrap.appendChild(error);
      fieldBox.appendChild(wrap);
    });
  }
  form.categoryId.addEventListener('change', showCategoryFields);
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(searchCategories, 250);
  });
  searchCategories();

  document.getElementById('locate').addEventListener('click', function () {
    var status = document.getElementById('location-status');
    if (!navigator.geolocation) {
      status.textContent = 'Tarayıcınız konum paylaşmayı desteklemiyor.';
      return;
    }
    status.textContent = 'Konumunuz alınıyor…';
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        form.latitude.value = pos.coords.latitude.toFixed(6);
        form.longitude.value = pos.coords.longitude.toFixed(6);
        status.textContent = 'Konum eklendi (' + form.latitude.value + ', ' + form.longitude.value + ').';
      },
      function () {
        status.textContent = 'Konum alınamadı; adresi yazmanız yeterli.';
      },
      { enableHighAccuracy: true, timeout: 15000 },
    );
  });

  function clearErrors() {
    summary.hidden = true;
    summary.textContent = '';
    Array.prototype.forEach.call(form.querySelectorAll('.error'), function (p) {
      p.textContent = '';
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
    });
  }

  // The API names the field in each error detail ("Telefon (phone): …" or "photos: …"); the text after the name is shown.
  function showErrors(body) {
    var details = (body && body.details) || [];
    var first = null;
    var unplaced = [];
    details.forEach(function (d) {
      var slot = d.field && document.getElementById(d.field + '-error');
      var text = d.message.replace(/^(?:[^():]+ \([\w.[\]-]+\)|[\w.[\]-]+): /, '');
      if (!slot) {
        unplaced.push(text);
        return;
      }
      slot.textContent = slot.textContent ? slot.textContent + ' ' + text : text;
      var input = d.field === 'photos' ? form.querySelector('input[name=photos]') : document.getElementById(d.field);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      }
    });
    summary.textContent = details.length
      ? 'Lütfen işaretli alanları düzeltin.' + (unplaced.length ? ' ' + unplaced.join(' ') : '')
      : (body && body.message) || 'Başvuru gönderilemedi.';
    summary.hidden = false;
    (first || summary).focus();
  }

  // Empty inputs are left out, and so are file inputs with no file chosen.
  function formData() {
    var data = new FormData();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if (el.type === 'file') {
        if (el.files[0]) data.append(el.name, el.files[0]);
        return;
      }
      if (el.type === 'checkbox') {
        if (el.checked) data.append(el.name, el.value);
        return;
      }
      if (el.value.trim() !== '' || el.name === 'website') data.append(el.name, el.value);
    });
    return data;
  }

  function showResult(html) {
    result.innerHTML = html;
    result.hidden = false;
    result.focus();
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return '&#' + ch.charCodeAt(0) + ';';
    });
  }

  function poll(url, started) {
    getJson(url).then(
      function (r) {
        if (r.status === 200 && r.body.status === 'accepted') {
          showResult(
            '<h2>Başvurunuz alındı</h2><p>Başvuru numaranız: <strong class="tracking">' +
              escapeHtml(r.body.trackingNo) +
              '</strong></p><p>Bu numarayla başvurunuzun durumunu <a href="' +
              escapeHtml(r.body.statusPageUrl) +
              '">durum sayfasından</a> izleyebilirsiniz.</p>' +
              '<p><a href="/basvuru">Yeni bir başvuru yap</a></p>',
          );
          return;
        }
        if (r.status === 200 && r.body.status === 'failed') {
          showResult('<h2>Başvurunuz işlenemedi</h2><p>' + escapeHtml(r.body.reason) + '</p><p>Lütfen 153 numaralı hattı arayın.</p>');
          return;
        }
        if (Date.now() - started > 60000) {
          showResult('<h2>Başvurunuz alındı</h2><p>Başvuru numaranız hazırlanıyor. Numaranız iletişim bilgilerinize de gönderilecektir.</p>');
          return;
        }
        setTimeout(function () {
          poll(url, started);
        }, 700);
      },
      function () {
        setTimeout(function () {
          poll(url, started);
        }, 2000);
      },
    );
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    submit.disabled = true;
    submit.textContent = 'Gönderiliyor…';
    fetch(form.action, { method: 'POST', body: formData(), headers: { Accept: 'application/json', 'Idempotency-Key': key } })
      .then(function (res) {
        return res.json().then(function (body) {
          if (res.status === 202) {
            form.hidden = true;
            showResult('<h2>Başvurunuz alındı</h2><p>Başvuru numaranız hazırlanıyor…</p>');
            poll(body.statusUrl, Date.now());
            return;
          }
          if (res.status === 429) body = { message: body.message };
          showErrors(body);
          submit.disabled = false;
          submit.textContent = 'Başvuruyu gönder';
        });
      })
      .catch(function () {
        summary.textContent = 'Bağlantı kurulamadı. Lütfen tekrar deneyin; başvurunuz iki kez kaydedilmez.';
        summary.hidden = false;
        summary.focus();
        submit.disabled = false;
        submit.textContent = 'Başvuruyu gönder';
      });
  });
})();
