import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { ROLE_LABELS, Role } from '@app/domain';
import { Dialog, ToastHost } from './components';
import { connectLive, disconnectLive, liveState } from './live';
import { mayOpen, matchRoute, navItems, useHash } from './router';
import { session, startPage, type Session } from './session';
import { helpOpen, installShortcuts, SHORTCUT_HELP, toggleHelp } from './shortcuts';
import { Slot } from './slots';
import { useStore } from './store';
import { CallPanel } from './views/call-panel';
import { Login } from './views/login';

const LIVE_TEXT = { connecting: 'Canlı: bağlanıyor', on: 'Canlı: bağlı', off: 'Canlı: yeniden bağlanıyor' };

function logout() {
  session.clear();
  disconnectLive();
  location.hash = '#/giris';
  location.reload();
}

function HelpDialog() {
  const open = useStore(helpOpen);
  return (
    <Dialog id="help" title="Klavye kısayolları" open={open} onClose={() => toggleHelp(false)}>
      <dl class="keys">
        {SHORTCUT_HELP.map((line) => [
          <dt key={`k${line.description}`}>{line.keys.map((k, i) => [i ? (line.sequence ? ' ' : ' / ') : null, <kbd key={k}>{k}</kbd>])}</dt>,
          <dd key={`d${line.description}`}>{line.description}</dd>,
        ])}
      </dl>
    </Dialog>
  );
}

function Header({ current, hash }: { current: Session; hash: string }) {
  const live = useStore(liveState);
  return (
    <header class="top" id="top">
      <span class="brand">Çözüm Masası</span>
      <nav aria-label="Ana menü">
        <ul id="nav">
          {navItems(current.user.role).map((n) => (
            <li key={n.href}>
              <a href={n.href} aria-current={hash.startsWith(n.href) ? 'page' : undefined}>
                {n.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <span class="live" id="live-state" role="status" aria-live="polite" data-state={live === 'connecting' ? undefined : live}>
        {LIVE_TEXT[live]}
      </span>
      <Slot name="shell.header" props={{ user: current.user }} />
      <span class="who" id="who">{`${current.user.fullName} · ${ROLE_LABELS[current.user.role] ?? current.user.role}`}</span>
      <button type="button" id="help-open" class="link" aria-haspopup="dialog" onClick={() => toggleHelp(true)}>
        Kısayollar (?)
      </button>
      <button type="button" id="logout" class="link" onClick={logout}>
        Çıkış
      </button>
    </header>
  );
}

/** Sends the browser elsewhere after the render (a redirect is never drawn). */
function Redirect({ to }: { to: string }) {
  useLayoutEffect(() => {
    location.hash = to;
  }, [to]);
  return null;
}

function Screen({ current, hash }: { current: Session; hash: string }) {
  const main = useRef<HTMLElement>(null);
  const match = matchRoute(hash);
  const start = startPage(current.user.role);
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [hash]);
  let content;
  if (!match) content = <Redirect to={start} />;
  else if (!mayOpen(match.route, current.user.role)) {
    content = hash === start ? <p class="card">Bu sayfayı açma yetkiniz yok.</p> : <Redirect to={start} />;
  } else {
    const View = match.route.component;
    content = <View key={hash} params={match.params} user={current.user} />;
  }
  return (
    <main id="main" tabIndex={-1} ref={main}>
      {content}
    </main>
  );
}

/** The whole page: the login, or the header, the screen of the hash, the call panel and the dialogs. */
export function App() {
  const hash = useHash();
  const current = session.get();
  useEffect(installShortcuts, []);
  useEffect(() => {
    // A session that ended (expired, a 401) closes the live stream opened with its token.
    if (current) connectLive(current.token);
    else disconnectLive();
  }, [current?.token]);

  const skip = (
    <a
      class="skip"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      İçeriğe geç
    </a>
  );
  if (!current || hash === '#/giris') {
    if (current) return <Redirect to={startPage(current.user.role)} />;
    return (
      <>
        {skip}
        {hash === '#/giris' ? (
          <main id="main" tabIndex={-1}>
            <Login />
          </main>
        ) : (
          <Redirect to="#/giris" />
        )}
        <ToastHost />
      </>
    );
  }
  const calls = [Role.Agent, Role.Supervisor].includes(current.user.role);
  return (
    <>
      {skip}
      <Header current={current} hash={hash} />
      {calls ? <CallPanel current={current} /> : null}
      <Screen current={current} hash={hash} />
      <Slot name="shell.end" props={{ user: current.user }} />
      <HelpDialog />
      <ToastHost />
    </>
  );
}
