import { api, session } from './api.js';
import { field, h, startPage } from './dom.js';

export function renderLogin(main) {
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', id: 'login-error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'card login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Çözüm Masası — Personel girişi'),
    field('Kullanıcı adı', username),
    field('Parola', password),
    error,
    h('button', { type: 'submit' }, 'Giriş yap'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const result = await api('/auth/login', { method: 'POST', body: { username: username.value.trim(), password: password.value } });
      session.set(result);
      location.hash = startPage(result.user.role);
    } catch (e) {
      error.textContent = e.status === 401 ? 'Kullanıcı adı veya parola hatalı' : e.message;
      error.hidden = false;
      password.focus();
    }
  });
  main.replaceChildren(form);
  username.focus();
}
