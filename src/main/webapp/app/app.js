// The token path's browser application: OAuth 2.1 authorization code flow with PKCE (S256) against
// /auth/authorize and /auth/token, then /api with "Authorization: Bearer".
//
// Where things live:
// - the tokens: only in the variables of this module (a module's top-level names are not globals);
//   never in localStorage, sessionStorage, cookies or window.* – see the page's own explanation;
// - the PKCE verifier and the state: in sessionStorage from the redirect to /auth/authorize until this
//   page comes back with the code, then removed (the page is gone meanwhile, so memory cannot hold them).
// No framework, no build step; the page's CSP allows this file and nothing inline.

const meta = (name) => (document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '').trim();

/** The dualauth server: empty means this page's own origin. */
const SERVER = meta('dualauth-server').replace(/\/+$/, '');
const CLIENT_ID = meta('dualauth-client-id') || 'dualauth-spa';
/** This directory's URL without query or fragment: the redirect URI registered for the client. */
const REDIRECT_URI = (() => {
  const url = new URL('./', location.href);
  url.search = '';
  url.hash = '';
  return url.href;
})();
const PENDING_KEY = 'dualauth.pending-authorization';
/** Refresh when this share of the access token's lifetime has passed. */
const REFRESH_AT = 0.8;

// --- the only copy of the tokens -------------------------------------------------------------------
/** @type {{access: string, refresh: string|null} | null} */
let tokens = null;
let refreshTimer = 0;
let refreshCount = 0;
/** The refresh in flight, shared by every caller that needs one (a refresh token is single-use). */
let refreshing = null;

class SignedOut extends Error {}

const $ = (id) => document.getElementById(id);

// --- PKCE and state ----------------------------------------------------------------------------------

function base64url(bytes) {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** {@code length} random bytes, base64url: 32 bytes give a 43-character PKCE verifier (RFC 7636 §4.1). */
function randomString(length) {
  return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

async function s256(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

// --- talking to the server ---------------------------------------------------------------------------

function url(path) {
  return SERVER + path;
}

/** A form POST to the authorization server; never with cookies (the token endpoints need none). */
function postForm(path, fields) {
  return fetch(url(path), {
    method: 'POST',
    body: new URLSearchParams(fields),
    credentials: 'omit',
    cache: 'no-store',
  });
}

async function jsonOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

/** Takes the tokens of a token response; false (and nothing kept) when it holds none. */
async function acceptTokens(response) {
  const body = await jsonOf(response);
  if (!response.ok || typeof body.access_token !== 'string') {
    return false;
  }
  tokens = { access: body.access_token, refresh: typeof body.refresh_token === 'string' ? body.refresh_token : null };
  scheduleRefresh(Number(body.expires_in) || 300);
  return true;
}

function scheduleRefresh(expiresInSeconds) {
  clearTimeout(refreshTimer);
  if (tokens?.refresh) {
    refreshTimer = setTimeout(() => {
      refresh().catch(reportFailure);
    }, Math.max(1, expiresInSeconds * REFRESH_AT) * 1000);
  }
}

/** A new access token and a new refresh token; the old refresh token is spent. */
function refresh() {
  if (!refreshing) {
    refreshing = (async () => {
      if (!tokens?.refresh) {
        throw new SignedOut('There is no refresh token.');
      }
      const response = await postForm('/auth/token',
          { grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: CLIENT_ID });
      if (!(await acceptTokens(response))) {
        forget();
        throw new SignedOut('Your sign-in has ended: the server refused the refresh token. Sign in again.');
      }
      refreshCount += 1;
      $('refresh-count').textContent = String(refreshCount);
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** A call to /api with the access token; on a 401 one refresh and one retry, then signed out. */
async function api(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    if (!tokens) {
      throw new SignedOut('You are signed out.');
    }
    const headers = { Authorization: `Bearer ${tokens.access}`, Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(url(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
    if (response.status !== 401) {
      return response;
    }
    if (attempt > 0 || !tokens?.refresh) {
      forget();
      throw new SignedOut('Your sign-in has ended: the server no longer accepts the token. Sign in again.');
    }
    await refresh();
  }
}

function forget() {
  tokens = null;
  clearTimeout(refreshTimer);
}

// --- the flow ----------------------------------------------------------------------------------------

async function signIn() {
  if (!globalThis.crypto?.subtle) {
    showError('This browser offers no WebCrypto here (it needs HTTPS, or localhost).');
    return;
  }
  $('sign-in').disabled = true;
  const verifier = randomString(32);
  const state = randomString(16);
  const challenge = await s256(verifier);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const authorize = new URL(url('/auth/authorize'), location.href);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(authorize.href);
}

/** Back from /auth/authorize with {@code code} and {@code state} (or {@code error}) in the query. */
async function completeSignIn(params) {
  // Out of the address bar and the history entry at once, whatever follows.
  history.replaceState(null, '', REDIRECT_URI);
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  } catch {
    pending = null;
  }
  sessionStorage.removeItem(PENDING_KEY);

  if (!pending || typeof pending.state !== 'string' || params.get('state') !== pending.state) {
    showSignedOut();
    showError('The sign-in answer does not belong to a sign-in this page started (state mismatch); it was ignored.');
    return;
  }
  if (params.has('error')) {
    showSignedOut();
    showError(`The server did not sign you in (${params.get('error')}).`);
    return;
  }
  const response = await postForm('/auth/token', {
    grant_type: 'authorization_code',
    code: params.get('code') ?? '',
    redirect_uri: REDIRECT_URI,
    client_id: CLIENT_ID,
    code_verifier: pending.verifier,
  });
  if (!(await acceptTokens(response))) {
    showSignedOut();
    showError('The server refused the sign-in code. Please sign in again.');
    return;
  }
  refreshCount = 0;
  $('refresh-count').textContent = '0';
  await showCaller();
  showStatus('Signed in.');
}

async function showCaller() {
  const me = await api('GET', '/api/me');
  if (!me.ok) {
    throw new Error(`GET /api/me answered ${me.status}`);
  }
  const { name } = await me.json();
  const notes = await api('GET', '/api/notes');
  if (!notes.ok) {
    throw new Error(`GET /api/notes answered ${notes.status}`);
  }
  renderNotes(await notes.json());
  $('who').textContent = name;
  $('signed-out-view').hidden = true;
  $('signed-in-view').hidden = false;
  document.body.dataset.state = 'signed-in';
}

async function signOut() {
  const held = tokens;
  forget();
  let told = true;
  // The refresh token first: it is the one that could make new access tokens.
  for (const [token, hint] of [[held?.refresh, 'refresh_token'], [held?.access, 'access_token']]) {
    if (!token) {
      continue;
    }
    try {
      const response = await postForm('/auth/revoke', { token, token_type_hint: hint, client_id: CLIENT_ID });
      told = told && response.ok;
    } catch {
      told = false;
    }
  }
  showSignedOut();
  if (told) {
    showStatus('Signed out: both tokens are revoked at the server and forgotten here.');
  } else {
    showError('Signed out here, but the server could not be told; the tokens are forgotten and expire on their own.');
  }
}

// --- notes ---------------------------------------------------------------------------------------

function renderNotes(list) {
  $('notes').replaceChildren(...list.map(noteItem));
}

/** One note; its text only ever as text, never as HTML. */
function noteItem(note) {
  const item = document.createElement('li');
  const text = document.createElement('span');
  text.className = 'note-text';
  text.textContent = note.text;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'delete-note secondary';
  remove.textContent = 'Delete';
  remove.setAttribute('aria-label', `Delete note: ${note.text}`);
  remove.addEventListener('click', () => {
    deleteNote(note.id, item, remove).catch(reportFailure);
  });
  item.append(text, remove);
  return item;
}

async function addNote(event) {
  event.preventDefault();
  const input = $('note-text');
  const button = $('add-note');
  button.disabled = true;
  try {
    const response = await api('POST', '/api/notes', { text: input.value });
    if (response.status === 201) {
      $('notes').append(noteItem(await response.json()));
      input.value = '';
      showStatus('Note added.');
    } else {
      const body = await jsonOf(response);
      showError(`The note was not added: ${body.error ?? `the server answered ${response.status}`}.`);
    }
  } finally {
    button.disabled = false;
  }
}

async function deleteNote(id, item, button) {
  button.disabled = true;
  const response = await api('DELETE', `/api/notes/${encodeURIComponent(id)}`);
  if (response.status === 204 || response.status === 404) {
    item.remove();
    if (response.status === 204) {
      showStatus('Note deleted.');
    } else {
      showError('That note does not exist (any more).');
    }
  } else {
    button.disabled = false;
    showError(`The note was not deleted: the server answered ${response.status}.`);
  }
}

// --- what the page shows -----------------------------------------------------------------------------

function showSignedOut() {
  $('who').textContent = '';
  $('notes').replaceChildren();
  $('signed-in-view').hidden = true;
  $('signed-out-view').hidden = false;
  $('sign-in').disabled = false;
  document.body.dataset.state = 'signed-out';
}

function showStatus(message) {
  $('error').textContent = '';
  $('status').textContent = message;
}

function showError(message) {
  $('status').textContent = '';
  $('error').textContent = message;
}

function reportFailure(failure) {
  if (failure instanceof SignedOut) {
    showSignedOut();
    showError(failure.message);
  } else if (failure instanceof TypeError) {
    showError('The dualauth server cannot be reached.');
  } else {
    showError(`Something went wrong: ${failure?.message ?? failure}`);
  }
}

function start() {
  if (SERVER) {
    $('session-link').href = `${SERVER}/web/`;
  }
  $('sign-in').addEventListener('click', () => {
    signIn().catch((failure) => {
      $('sign-in').disabled = false;
      reportFailure(failure);
    });
  });
  $('sign-out').addEventListener('click', () => {
    signOut().catch(reportFailure);
  });
  $('refresh').addEventListener('click', () => {
    refresh().then(() => showStatus('Tokens refreshed.'), reportFailure);
  });
  $('note-form').addEventListener('submit', (event) => {
    addNote(event).catch(reportFailure);
  });
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error') || params.has('state')) {
    completeSignIn(params).catch((failure) => {
      forget();
      reportFailure(failure instanceof SignedOut ? failure : new SignedOut(
          failure instanceof TypeError ? 'The dualauth server cannot be reached.' : `Sign-in failed: ${failure?.message ?? failure}`));
    });
  } else {
    showSignedOut();
  }
}

start();
