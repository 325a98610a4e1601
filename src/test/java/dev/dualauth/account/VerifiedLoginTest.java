package dev.dualauth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The re-check at issue time, with the change landing where a real one would: while the identity store
 * hashes the password ({@code during} runs inside {@code verify}).
 */
class VerifiedLoginTest {

    final Fakes.Table table = new Fakes.Table();
    final AccountIdentityStore store = new AccountIdentityStore();
    final AccountService service = new AccountService();
    Runnable during = () -> { };

    @BeforeEach
    void wire() {
        Fakes.Hasher hasher = new Fakes.Hasher() {
            @Override
            public boolean verify(char[] password, String stored) {
                boolean right = super.verify(password, stored);
                during.run();
                return right;
            }
        };
        store.accounts = table;
        store.passwords = hasher;
        store.throttle = new Fakes.Throttle();
        service.accounts = table;
        service.passwords = hasher;
        service.throttle = new Fakes.Throttle();
        table.create("alice", "hash:alice-demo-password", Set.of("user"));
    }

    Optional<VerifiedLogin> login(String password) {
        VerifiedLogin.expect();
        CredentialValidationResult result = store.validate(new UsernamePasswordCredential("alice", password));
        Optional<VerifiedLogin> verified = VerifiedLogin.take();
        assertEquals(result.getStatus() == CredentialValidationResult.Status.VALID, verified.isPresent());
        return verified;
    }

    @Test
    void aLoginWithNothingChangedMeanwhileIsStillAsVerified() {
        assertTrue(service.stillAsVerified(login("alice-demo-password")));
        assertEquals(Optional.empty(), VerifiedLogin.take(), "taken once");
    }

    @Test
    void aPasswordChangeDuringTheHashingRefusesTheLogin() {
        during = () -> table.replaceHash("alice", "hash:a-new-password-1234");
        Optional<VerifiedLogin> verified = login("alice-demo-password");
        assertTrue(verified.isPresent(), "the password was right when it was read");
        assertFalse(service.stillAsVerified(verified));
    }

    @Test
    void aDisableDuringTheHashingRefusesTheLogin() {
        during = () -> table.setEnabled("alice", false);
        assertFalse(service.stillAsVerified(login("alice-demo-password")));
    }

    @Test
    void aFailedLoginVerifiedNothingAndNothingIsAcceptedWithoutAVerification() {
        assertEquals(Optional.empty(), login("wrong-password"));
        assertFalse(service.stillAsVerified(Optional.empty()));
    }

    @Test
    void whatAnEarlierLoginLeftOnTheThreadIsForgottenByTheNextOne() {
        store.validate(new UsernamePasswordCredential("alice", "alice-demo-password")); // nobody takes it
        VerifiedLogin.expect();
        assertEquals(Optional.empty(), VerifiedLogin.take());
    }
}
