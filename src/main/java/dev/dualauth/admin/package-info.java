/**
 * The admin's account operations ({@code /web/admin/accounts}, {@code /api/admin/accounts}, role
 * {@code admin}): list, show, create, disable, enable, log out everywhere. One class mounted under both
 * paths; what a change does is {@code account.AccountService}'s.
 */
package dev.dualauth.admin;
