package dev.dualauth.security;

import jakarta.ws.rs.BadRequestException;

/**
 * A {@code 400} whose message the application wrote for the client, such as "text is required". The
 * error mapper shows only these messages: a 400 raised by the JAX-RS runtime keeps its status but not its
 * message, which may quote the input or name the runtime's internals.
 */
public class InvalidInput extends BadRequestException {

    private static final long serialVersionUID = 1L;

    public InvalidInput(String messageForTheClient) {
        super(messageForTheClient);
    }
}
