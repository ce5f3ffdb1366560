// The sign-in page: a token pasted here is kept in this tab's sessionStorage only.
import { claimsOf, currentClaims, storeToken } from './api.js';
import { HOME_BY_ROLE, describeClaims } from './page.js';
import { el, setStatus } from './ui.js';

const form = document.getElementById('sign-in');
const input = document.getElementById('token');
const signedIn = currentClaims();
if (signedIn) {
  setStatus('info', `${describeClaims(signedIn)}.`, 'Paste another token to switch, or open your page below.');
  document.getElementById('content').append(el('p', {}, el('a', { href: HOME_BY_ROLE[signedIn.role], text: 'Open your page' })));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    const claims = claimsOf(input.value.trim());
    storeToken(input.value);
    input.value = '';
    window.location.assign(HOME_BY_ROLE[claims.role] || '/national');
  } catch (error) {
    setStatus('error', `That token cannot be read: ${error.message}`, 'Copy the whole output of npm run spiral -- token, and paste it again.');
    input.focus();
  }
});
