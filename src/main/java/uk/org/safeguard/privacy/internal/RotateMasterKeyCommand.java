package uk.org.safeguard.privacy.internal;

import java.io.PrintStream;

import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/** {@code admin rotate-master-key}: a new master key, with every data and retention key re-wrapped under it. */
@Component
class RotateMasterKeyCommand implements AdminCommand {

    private final MasterKeyRotation rotation;

    RotateMasterKeyCommand(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "rotate-master-key";
    }

    @Override
    public String summary() {
        return "Make a new master key and re-wrap every data key and retention key under it (no record is re-encrypted)";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        if (!arguments.positional().isEmpty()) {
            err.println("Usage: admin " + usage());
            return 2;
        }
        MasterKeyRotation.Result result;
        try {
            result = rotation.rotate();
        } catch (RuntimeException e) {
            err.println("Master key rotation failed: " + e.getMessage());
            err.println("Nothing was lost: every key is still wrapped by a master key that is kept. Fix the cause and "
                    + "run the command again; it resumes the interrupted rotation.");
            return 1;
        }
        out.println((result.resumed() ? "Resumed the interrupted rotation of the master key from " : "Rotated the master key from ")
                + result.previousKeyId() + " to " + result.newKeyId() + ".");
        out.println("Re-wrapped " + result.total() + " keys under the new master key: " + result.dataKeys()
                + " data keys and " + result.retentionKeys() + " retention keys. No encrypted record was changed.");
        out.println(result.note());
        return 0;
    }
}
