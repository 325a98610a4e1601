/**
 * Accounts and the one identity store both logins use: the account table, password hashing
 * (PBKDF2-HMAC-SHA256) and policy, the login throttle, demo accounts, and the
 * {@link dev.dualauth.account.CredentialsRevoked} event that ends every login of an account.
 *
 * <p>Knows nothing of HTTP sessions, tokens or which path a caller came in by; its HTTP face (the
 * admin's account list) is in {@code admin}.
 */
package dev.dualauth.account;
