import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Field } from '../components';
import { session, startPage, type LoginResult } from '../session';

/** The staff login form; a successful login goes to the role's start page. */
export function Login() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  useEffect(() => userRef.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await api<LoginResult>('/auth/login', { method: 'POST', body: { username: username.trim(), password } });
      session.set(result);
      location.hash = startPage(result.user.role);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'Kullanıcı adı veya parola hatalı' : (e as Error).message);
      passRef.current?.focus();
    }
  };

  return (
    <form class="card login" aria-labelledby="login-title" onSubmit={submit}>
      <h1 id="login-title">Çözüm Masası — Personel girişi</h1>
      <Field id="username" label="Kullanıcı adı">
        <input ref={userRef} name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      </Field>
      <Field id="password" label="Parola">
        <input
          ref={passRef}
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </Field>
      <p class="error" id="login-error" role="alert" hidden={!error}>
        {error ?? ''}
      </p>
      <button type="submit">Giriş yap</button>
    </form>
  );
}
