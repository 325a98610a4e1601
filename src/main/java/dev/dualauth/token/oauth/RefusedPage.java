package dev.dualauth.token.oauth;

import dev.dualauth.security.Html;

/**
 * The page a user sees when an authorization request names an unknown client or a redirect URI not
 * registered for it: a plain explanation, no link to the unverified address.
 */
final class RefusedPage {

    private RefusedPage() {
    }

    static String html(String contextPath, String message) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Sign-in request refused – dualauth</title>
                  <link rel="stylesheet" href="%s/assets/style.css">
                </head>
                <body>
                <main>
                  <h1>This sign-in request cannot be completed</h1>
                  <p id="error" role="alert">%s</p>
                  <p>You were not signed in to anything, and nothing was sent to the application.
                     If you followed a link, it may be broken or forged.</p>
                </main>
                </body>
                </html>
                """.formatted(Html.escape(contextPath), Html.escape(message));
    }
}
