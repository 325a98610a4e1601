package dev.dualauth.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The account name rule, and the one canonical form under which names are compared everywhere: creation,
 * both logins, the login throttle and the admin's look-ups.
 *
 * <p>The canonical form of a name is its Unicode NFKC normalisation, lower-cased (so {@code Alice},
 * {@code ALICE} and the full-width {@code ａｌｉｃｅ} are all {@code alice}). A new name must, in that
 * form, match {@value #RULE}: 1 to 64 of {@code a-z 0-9 . _ -}, starting and ending with a letter or
 * digit (so {@code alice.} and {@code -alice} are refused). Names are unique in that form (a unique
 * database constraint on {@code account.canonical_name}), and are stored in that form.
 *
 * <p>Logins compare in that form too: {@code ALICE} with alice's password logs in as {@code alice}, and
 * the throttle counts {@code Alice} and {@code alice} as one name, so that spelling variants of a name
 * cannot multiply its free attempts.
 */
public final class AccountNames {

    /** The longest name an account may have, in characters: longer login names are refused before any work. */
    public static final int MAX_LENGTH = 64;

    /** The rule a canonical name must match. */
    public static final String RULE = "[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?";

    /** How the rule reads for a client. */
    public static final String RULE_TEXT = "names: 1-64 of a-z 0-9 . _ - (compared without case), "
            + "starting and ending with a letter or digit";

    private static final Pattern VALID = Pattern.compile(RULE);

    private AccountNames() {
    }

    /**
     * Whether a login or look-up with this name is worth any work: false for a missing or blank name, for
     * one longer than {@link #MAX_LENGTH} and for one holding a control character (U+0000-U+001F,
     * U+007F-U+009F), which no account can have. Such a login is refused as invalid credentials (the same
     * answer as a wrong password) before the throttle records anything and before any hashing or query;
     * an admin's look-up of such a name finds nothing. (PostgreSQL cannot even hold U+0000 in a text
     * parameter: without this check a {@code %00} in a path was a database error.) Costs no more than
     * reading the string's length and scanning its at most 64 characters.
     */
    public static boolean mayLogIn(String name) {
        return name != null && name.length() <= MAX_LENGTH && !name.isBlank() && name.chars().noneMatch(Character::isISOControl);
    }

    /** NFKC, then lower case (locale-independent). Only call it on names that {@link #mayLogIn}. */
    public static String canonical(String name) {
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // Lower-casing can leave a form that NFKC would change again (rare, never for a valid name).
        return Normalizer.isNormalized(normalised, Normalizer.Form.NFKC)
                ? normalised : Normalizer.normalize(normalised, Normalizer.Form.NFKC);
    }

    /** Whether a new account may have this name: its canonical form matches {@link #RULE}. */
    public static boolean valid(String name) {
        return mayLogIn(name) && VALID.matcher(canonical(name)).matches();
    }
}
