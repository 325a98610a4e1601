/**
 * What makes an access token stop working before it expires: the
 * {@link dev.dualauth.revocation.RevocationList} checked on every {@code /api} request without a
 * database query (token ids, refresh families, per-user cut-offs), its single-node implementation, and
 * the table that keeps it across restarts.
 */
package dev.dualauth.revocation;
