package dev.dualauth.session;

import dev.dualauth.account.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Declares the container's FORM mechanism. Unauthenticated requests to {@code /web/**} are redirected to
 * the login page; the original request is resumed after a successful login.
 */
@ApplicationScoped
@DeclareRoles({Roles.USER, Roles.ADMIN})
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = LoginPages.LOGIN, errorPage = LoginPages.LOGIN_ERROR, useForwardToLogin = false))
public class FormLoginConfig {
}
