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
 * identity store handler, and so does the token endpoint. Unknown names, wrong passwords and disabled
 * accounts give the same answer after the same amount of hashing.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        char[] password = credential.getPassword().getValue();
        if (username == null || username.isBlank() || username.length() > 64 || password.length == 0) {
            passwords.verifyAgainstDummy(password);
            return INVALID_RESULT;
        }
        Optional<Account> found = accounts.find(username);
        if (found.isEmpty()) {
            passwords.verifyAgainstDummy(password);
            return INVALID_RESULT;
        }
        Account account = found.get();
        if (!passwords.verify(password, account.passwordHash()) || !account.enabled()) {
            return INVALID_RESULT;
        }
        if (passwords.needsRehash(account.passwordHash())) {
            accounts.replaceHash(account.username(), passwords.hash(password));
        }
        return new CredentialValidationResult(account.username(), account.roles());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
