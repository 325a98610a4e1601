package dev.dualauth.token;

import java.util.Locale;

/** Why a bearer token was refused: counted per reason, never told to the client. */
public enum Rejection {
    MISSING,
    MALFORMED,
    TOO_LARGE,
    FORBIDDEN_HEADER,
    ALGORITHM,
    TYPE,
    UNKNOWN_KEY,
    ISSUER,
    AUDIENCE,
    EXPIRED,
    NOT_YET_VALID,
    ISSUED_IN_FUTURE,
    MISSING_CLAIM,
    CLAIM_TYPE,
    NON_CANONICAL,
    REVOKED,
    SIGNATURE;

    /** snake_case, as counters and logs name it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
