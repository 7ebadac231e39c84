package uk.org.safeguard.privacy;

/**
 * A ciphertext could not be decrypted: it was changed, moved to another record or family, or its key is
 * not available. Deliberately says nothing about which, so the message is safe to log.
 */
public class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String message) {
        super(message);
    }

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
