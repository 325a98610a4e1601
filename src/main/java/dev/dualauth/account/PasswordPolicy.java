package dev.dualauth.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (ASVS 5.0 V6.2): at least 12 characters, at most 1024, any characters. No
 * composition rules and no forced rotation. Refused besides, whatever its length (6.2.4, 6.2.11):
 * <ul>
 * <li>a commonly used password: one of {@code common-passwords.txt} (the 10,000 most common passwords
 * of a public list, and its 10,000 most common of at least 12 characters; see its NOTICE), compared
 * without case; also reversed, and with digits, symbols or spaces added before or after one of them
 * ({@code password12345!});
 * <li>the same one to three characters repeated ({@code abcabcabcabc});
 * <li>a password containing a context word, in any case, reversed, with separators or common character
 * swaps ({@code 4} for {@code a}, {@code 1} for {@code i} or {@code l}, {@code 0} for {@code o}, …): the
 * application's name {@value #APPLICATION_NAME}, the user's name, and each part of it of at least
 * {@value #MIN_CONTEXT_WORD} characters between dots, dashes and underscores; a shorter user name is
 * refused when the password is nothing but it, repeated, with digits or symbols.
 * </ul>
 * Each check reads the password a few times and looks up a hash set: about a microsecond for a usual
 * password ({@code bench/password-check}).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    /** The application's name: a context word refused in every password. */
    public static final String APPLICATION_NAME = "dualauth";

    /** Context words shorter than this are only refused as the whole password (they occur inside too many words). */
    static final int MIN_CONTEXT_WORD = 4;

    /** A core shorter than this, once digits and symbols are stripped from the ends, is not looked up. */
    private static final int MIN_CORE = 4;

    static final String COMMON = "this password is one of the most commonly used ones";
    static final String COMMON_DECORATED = "this password is a commonly used one with digits or symbols added";
    static final String COMMON_REVERSED = "this password is a commonly used one reversed";
    static final String REPEATED = "this password is the same few characters repeated";
    static final String HAS_USER_NAME = "passwords may not contain the user name";
    static final String HAS_APPLICATION_NAME = "passwords may not contain the application's name";

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable for any user, or empty when it is. */
    public static Optional<String> problem(String password) {
        return problem(password, null);
    }

    /** Why the password is not acceptable for the user {@code username} (null: no user name yet), or empty when it is. */
    public static Optional<String> problem(String password, String username) {
        if (password == null) {
            return Optional.of("a password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("passwords need at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("passwords may have at most " + MAX_LENGTH + " characters");
        }
        String folded = Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Optional<String> common = common(folded);
        if (common.isPresent()) {
            return common;
        }
        String skeleton = skeleton(folded);
        if (containsWord(skeleton, APPLICATION_NAME)) {
            return Optional.of(HAS_APPLICATION_NAME);
        }
        if (username != null && AccountNames.mayLogIn(username) && hasUserName(folded, skeleton, AccountNames.canonical(username))) {
            return Optional.of(HAS_USER_NAME);
        }
        return Optional.empty();
    }

    private static Optional<String> common(String folded) {
        Set<String> list = CommonPasswords.LIST;
        if (list.contains(folded)) {
            return Optional.of(COMMON);
        }
        String core = stripEnds(folded);
        if (core.length() >= MIN_CORE && list.contains(core)) {
            return Optional.of(COMMON_DECORATED);
        }
        String reversed = new StringBuilder(folded).reverse().toString();
        if (list.contains(reversed) || (core.length() >= MIN_CORE && list.contains(stripEnds(reversed)))) {
            return Optional.of(COMMON_REVERSED);
        }
        if (period(folded) <= 3) {
            return Optional.of(REPEATED);
        }
        return Optional.empty();
    }

    private static boolean hasUserName(String folded, String skeleton, String name) {
        String whole = skeleton(name);
        if (whole.length() >= MIN_CONTEXT_WORD) {
            if (containsWord(skeleton, whole)) {
                return true;
            }
        } else if (!lettersOf(name).isEmpty() && onlyRepeats(lettersOf(folded), lettersOf(name))) {
            return true; // a short name, repeated, with digits or symbols
        }
        for (String part : name.split("[._-]+")) {
            String word = skeleton(part);
            if (word.length() >= MIN_CONTEXT_WORD && containsWord(skeleton, word)) {
                return true;
            }
        }
        return false;
    }

    /** The word, or the word reversed, is in the skeleton. */
    private static boolean containsWord(String skeleton, String word) {
        String w = skeleton(word);
        return !w.isEmpty() && (skeleton.contains(w) || skeleton.contains(new StringBuilder(w).reverse()));
    }

    /**
     * Letters and digits only, with the usual look-alike swaps undone: what is left when "A.l-1c3" and
     * "alice" are compared.
     */
    static String skeleton(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            char mapped = switch (c) {
                case '4', '@' -> 'a';
                case '8' -> 'b';
                case '3' -> 'e';
                case '6', '9' -> 'g';
                case '1', '!', '|', 'l' -> 'i';
                case '0' -> 'o';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                case '2' -> 'z';
                default -> c;
            };
            if (Character.isLetterOrDigit(mapped)) {
                out.append(mapped);
            }
        }
        return out.toString();
    }

    private static String lettersOf(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().filter(Character::isLetter).forEach(c -> out.append((char) c));
        return out.toString();
    }

    /** {@code s} is {@code unit} one or more times. */
    private static boolean onlyRepeats(String s, String unit) {
        if (s.isEmpty() || s.length() % unit.length() != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != unit.charAt(i % unit.length())) {
                return false;
            }
        }
        return true;
    }

    /** Without the digits, symbols and spaces at either end. */
    private static String stripEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The length of the shortest unit that {@code s} repeats (its length when it repeats none). */
    static int period(String s) {
        int n = s.length();
        int[] border = new int[n];
        for (int i = 1, k = 0; i < n; i++) {
            while (k > 0 && s.charAt(i) != s.charAt(k)) {
                k = border[k - 1];
            }
            if (s.charAt(i) == s.charAt(k)) {
                k++;
            }
            border[i] = k;
        }
        int p = n - border[n - 1];
        return n % p == 0 ? p : n;
    }

    /** The list, read once, on first use. */
    private static final class CommonPasswords {

        static final Set<String> LIST = load();

        private static Set<String> load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("common-passwords.txt is missing from the application");
                }
                List<String> lines = new ArrayList<>(20_000);
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        if (!line.isEmpty()) {
                            lines.add(line);
                        }
                    }
                }
                return Set.copyOf(new HashSet<>(lines));
            } catch (IOException e) {
                throw new UncheckedIOException("common-passwords.txt cannot be read", e);
            }
        }
    }
}
