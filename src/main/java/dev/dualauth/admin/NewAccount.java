package dev.dualauth.admin;

import java.util.Set;

/** The body of {@code POST …/admin/accounts}. */
public record NewAccount(String name, String password, Set<String> roles) {

    @Override
    public String toString() {
        return "NewAccount[name=" + name + ", roles=" + roles + "]";
    }
}
