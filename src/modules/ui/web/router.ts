import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Role } from '@app/domain';
import type { SessionUser } from './session';

/** What a routed screen receives: the pattern's `:params` (decoded) and the signed-in user. */
export interface RouteProps {
  params: Record<string, string | undefined>;
  user: SessionUser;
}

export interface RouteOptions {
  /** Who may open the screen; others are sent to their start page. Omitted: every signed-in role. */
  roles?: readonly Role[];
  /** A main-menu entry (shown to the `roles`), ordered by `order` (core entries use 10, 20, …). */
  nav?: { label: string; order?: number };
}

export interface Route extends RouteOptions {
  pattern: string;
  regex: RegExp;
  names: string[];
  component: ComponentType<RouteProps>;
}

const routes: Route[] = [];

/**
 * Adds a hash route: `pattern` is the part after `#`, with `:name` parameters and `:name?` for an
 * optional last one, e.g. `registerRoute('/basvuru/:id', TicketView, { roles: [...] })`.
 */
export function registerRoute(pattern: string, component: ComponentType<RouteProps>, options: RouteOptions = {}): void {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const param = /^:(\w+)(\?)?$/.exec(part);
      if (!param) return `/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      names.push(param[1]);
      return param[2] ? '(?:/([^/]+))?' : '/([^/]+)';
    })
    .join('');
  routes.push({ pattern, regex: new RegExp(`^#${source}$`), names, component, ...options });
}

/** The route for a hash (e.g. `#/basvuru/123`) and its parameters, or null. */
export function matchRoute(hash: string): { route: Route; params: Record<string, string | undefined> } | null {
  for (const route of routes) {
    const m = route.regex.exec(hash);
    if (m) return { route, params: Object.fromEntries(route.names.map((n, i) => [n, m[i + 1] === undefined ? undefined : decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

export function mayOpen(route: Route, role: Role): boolean {
  return !route.roles || route.roles.includes(role);
}

/** The main menu for a role: [href, label]. */
export function navItems(role: Role): { href: string; label: string }[] {
  return routes
    .filter((r) => r.nav && mayOpen(r, role))
    .sort((a, b) => (a.nav?.order ?? 100) - (b.nav?.order ?? 100))
    .map((r) => ({ href: `#${r.pattern.replace(/\/:\w+\?$/, '')}`, label: r.nav?.label ?? '' }));
}

export function navigate(hash: string): void {
  location.hash = hash.startsWith('#') ? hash : `#${hash}`;
}

/** The current location hash; re-renders on every change. */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    // A redirect made before this effect ran (its hashchange already dispatched) is caught here.
    on();
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}
