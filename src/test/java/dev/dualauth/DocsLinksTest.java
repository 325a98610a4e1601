package dev.dualauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README and of {@code docs/} points at a file of the repository, and every
 * {@code #anchor} at a heading of that file (GitHub's anchors: lower case, punctuation dropped, spaces as
 * hyphens). Links to other sites are not followed: the build has no network but Maven Central.
 */
class DocsLinksTest {

    /** {@code [text](target)} or {@code ![alt](target)}, target without spaces, optional title. */
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : documents()) {
            for (String target : links(file)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: ...
                }
                int hash = target.indexOf('#');
                String pathPart = hash < 0 ? target : target.substring(0, hash);
                Path linked = pathPart.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(pathPart).normalize();
                if (!Files.exists(linked)) {
                    broken.add(file + ": " + target + " (no such file)");
                } else if (hash >= 0 && linked.toString().endsWith(".md")
                        && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(file + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertEquals("tokens-the-oauth-21-way-authorization-code-with-pkce",
                anchor("Tokens the OAuth 2.1 way: authorization code with PKCE"));
        assertEquals("beside-spring-security-and-quarkus-benchpeers-3-2026-12-01",
                anchor("Beside Spring Security and Quarkus (`bench/peers 3`, 2026-12-01)"));
    }

    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** Link targets outside code blocks and inline code. */
    static List<String> links(Path file) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : proseLines(file)) {
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** The anchors of the file's headings, repeated ones numbered as GitHub numbers them. */
    static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : proseLines(file)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String base = anchor(m.group(1));
                String unique = base;
                for (int n = 1; !anchors.add(unique); n++) {
                    unique = base + "-" + n;
                }
            }
        }
        return anchors;
    }

    /** The lines outside fenced code blocks (where neither links nor headings count). */
    static List<String> proseLines(Path file) throws IOException {
        List<String> prose = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            } else if (!inFence) {
                prose.add(line);
            }
        }
        return prose;
    }

    /** GitHub's heading anchor: lower case; letters, digits, spaces, hyphens and underscores kept; spaces to hyphens. */
    static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"); // a link in a heading: its text
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
