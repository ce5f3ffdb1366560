// What every page does first: say who is signed in, offer sign-out, and run the page's own loading
// with its loading and error states, or explain how to sign in.
import { currentClaims, signOut } from './api.js';
import { el, setStatus, showError } from './ui.js';

export const HOME_BY_ROLE = { local: '/team', regional: '/regional', national: '/national', analyst: '/national', auditor: '/audit' };

export function describeClaims(claims) {
  const where = [claims.org && `organisation ${claims.org}`, claims.sha && `region ${claims.sha}`].filter(Boolean).join(', ');
  return `Signed in as ${claims.role}${where ? ` (${where})` : ''}`;
}

function header(claims) {
  const who = document.getElementById('who');
  if (who) who.textContent = claims ? describeClaims(claims) : 'Not signed in';
  const button = document.getElementById('sign-out');
  if (button) {
    button.hidden = !claims;
    button.addEventListener('click', () => {
      signOut();
      window.location.assign('/');
    });
  }
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === window.location.pathname) link.setAttribute('aria-current', 'page');
  }
}

/** Runs `load(claims, content)` for a signed-in user; its errors become the page's error state. */
export async function startPage(what, load) {
  const claims = currentClaims();
  header(claims);
  const content = document.getElementById('content');
  if (!claims) {
    setStatus('empty', 'You are not signed in.', 'Sign in with a token (npm run spiral -- token --role …) on the sign-in page.');
    content.replaceChildren(el('p', {}, el('a', { href: '/', text: 'Go to the sign-in page' })));
    return;
  }
  setStatus('loading', `Loading ${what}…`);
  try {
    await load(claims, content);
  } catch (error) {
    showError(error);
  }
}

/** A small form to choose what the page shows (a region, a team, a spiral), kept in the URL's query. */
export function chooser({ label, name, value, hint }) {
  const id = `choose-${name}`;
  return el('form', { class: 'chooser', method: 'get', action: window.location.pathname }, [
    el('label', { for: id, text: label }),
    el('input', { id, name, value: value ?? '', required: true, autocomplete: 'off', 'aria-describedby': hint ? `${id}-hint` : undefined }),
    el('button', { type: 'submit', text: 'Show' }),
    hint ? el('p', { id: `${id}-hint`, class: 'hint', text: hint }) : null,
  ]);
}

export const queryParam = (name) => new URLSearchParams(window.location.search).get(name);
