package dev.dualauth.account;

import java.util.List;

/** The application's roles. Group names from the identity store and token {@code groups} equal role names. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(USER, ADMIN);

    private Roles() {
    }
}
