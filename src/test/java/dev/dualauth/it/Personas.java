package dev.dualauth.it;

/** The contract's demo accounts, and a name no account has. */
public enum Personas {
    ALICE("alice", "alice-demo-password"),
    ADMIN("admin", "admin-demo-password"),
    NOBODY("nobody-" + System.nanoTime(), "whatever-password");

    public final String username;
    public final String password;

    Personas(String username, String password) {
        this.username = username;
        this.password = password;
    }
}
