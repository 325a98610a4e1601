/**
 * AccountTable and the one identity store both logins use: entities, password hashing (PBKDF2-HMAC-SHA256),
 * demo accounts, and the admin's account list.
 *
 * <p>Knows nothing of HTTP sessions, tokens or which path a caller came in by.
 */
package dev.dualauth.account;
