package dev.dualauth.account;

import java.util.Optional;

/**
 * The cost of {@link PasswordPolicy#problem(String, String)} (run by bench/password-check, not a test):
 * nanoseconds per call, after the list is loaded, for a few kinds of password. Also prints how long the
 * first call takes (it reads the list of common passwords).
 */
public final class PasswordCheckBenchmark {

    public static void main(String[] args) {
        long loadStart = System.nanoTime();
        PasswordPolicy.problem("first call loads the list");
        System.out.printf("first call (loads common-passwords.txt): %.1f ms%n", (System.nanoTime() - loadStart) / 1e6);

        String[][] cases = {
            {"accepted, 20 characters", "first-password-1234"},
            {"accepted, 28 characters", "correct horse staple battery"},
            {"refused: common", "qwertyuiop123"},
            {"refused: common with digits added", "Sunshine2024!!"},
            {"refused: contains the user name", "alice-demo-password"},
            {"accepted, 1024 characters", "k8#Vq2!mZp9w".repeat(86).substring(0, 1024)},
        };
        long sink = 0;
        for (String[] c : cases) {
            String label = c[0];
            String password = c[1];
            double best = Double.MAX_VALUE;
            int n = password.length() > 100 ? 20_000 : 1_000_000;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    Optional<String> problem = PasswordPolicy.problem(password, "alice");
                    sink += problem.isPresent() ? 1 : 0;
                }
                best = Math.min(best, (double) (System.nanoTime() - start) / n);
            }
            System.out.printf("%-36s %8.0f ns per check (best of 5 rounds of %,d)%n", label, best, n);
        }
        System.out.println("refusals counted: " + sink);
    }
}
