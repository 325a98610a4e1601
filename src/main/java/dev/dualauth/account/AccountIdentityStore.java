package dev.dualauth.account;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * The single identity store behind both logins: the FORM mechanism calls it through the container's
 * identity store handler, and so does the token endpoint. Unknown names, wrong passwords, locked names
 * and disabled accounts give the same answer after the same amount of hashing; every failure counts
 * towards the name's {@link LoginThrottle}, and while a name is locked no password is checked for it
 * (and attempts do not lengthen the lock, so that an attacker cannot extend it at will).
 *
 * <p>A name no account can have — blank, or longer than {@value AccountNames#MAX_LENGTH} characters — is
 * refused first, with the same answer, before the throttle records anything and before any hashing: it
 * could never be right, and counting or hashing it would only let anyone make the server work and keep
 * state for nothing. Names are compared in {@link AccountNames canonical form}, by the throttle as well.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountTable accounts;

    @Inject
    PasswordHasher passwords;

    @Inject
    LoginThrottle throttle;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        if (!AccountNames.mayLogIn(username)) {
            return INVALID_RESULT;
        }
        char[] password = credential.getPassword().getValue();
        if (throttle.retryAfter(username).isPresent()) {
            // Locked: the same answer and the same hashing time, and the attempt neither counts nor checks.
            passwords.verifyAgainstDummy(password);
            return INVALID_RESULT;
        }
        CredentialValidationResult result = check(username, password);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(username);
        } else {
            throttle.failed(username);
        }
        return result;
    }

    private CredentialValidationResult check(String username, char[] password) {
        if (password.length == 0) {
            passwords.verifyAgainstDummy(password);
            return INVALID_RESULT;
        }
        Optional<Account> found = accounts.find(username);
        if (found.isEmpty()) {
            passwords.verifyAgainstDummy(password);
            return INVALID_RESULT;
        }
        Account account = found.get();
        String verifiedHash = account.passwordHash(); // what the password is checked against, as read
        if (!passwords.verify(password, verifiedHash) || !account.enabled()) {
            return INVALID_RESULT;
        }
        if (passwords.needsRehash(verifiedHash)) {
            verifiedHash = passwords.hash(password);
            accounts.replaceHash(account.username(), verifiedHash);
        }
        VerifiedLogin.record(account.username(), verifiedHash);
        return new CredentialValidationResult(account.username(), account.roles());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
