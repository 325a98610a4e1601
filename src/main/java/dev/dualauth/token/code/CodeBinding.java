package dev.dualauth.token.code;

/**
 * What an authorization code is bound to: the client that asked, the exact redirect URI, the user who
 * logged in, and the PKCE {@code S256} challenge (base64url of SHA-256 of the verifier, RFC 7636 §4.2).
 */
public record CodeBinding(String clientId, String redirectUri, String username, String codeChallenge) {
}
