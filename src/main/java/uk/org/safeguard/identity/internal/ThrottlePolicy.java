package uk.org.safeguard.identity.internal;

import java.time.Duration;

/**
 * How long a subject (an email, whether or not it has an account, or an address bucket) is locked out
 * after {@code failures} consecutive failed sign-ins: nothing below the threshold, then a window that
 * doubles with each further failure, up to a ceiling.
 *
 * @param threshold failures allowed before the first lockout
 * @param firstLockout the window after the threshold-th failure
 * @param maximumLockout the ceiling
 * @param forgetAfter failures older than this no longer count
 */
record ThrottlePolicy(int threshold, Duration firstLockout, Duration maximumLockout, Duration forgetAfter) {

    /** Per email: 5 tries, then 1, 2, 4 ... minutes, at most an hour. */
    static final ThrottlePolicy PER_ACCOUNT = new ThrottlePolicy(5, Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofHours(24));

    /** Per address bucket: a whole office can share an address, so 20 tries, then 1, 2, 4 ... minutes, at most 30. */
    static final ThrottlePolicy PER_ADDRESS = new ThrottlePolicy(20, Duration.ofMinutes(1), Duration.ofMinutes(30),
            Duration.ofHours(24));

    /** Password reset links per email: 3 in a day, then none for 1, 2, 4 ... hours, at most a day. */
    static final ThrottlePolicy RESET_PER_EMAIL = new ThrottlePolicy(3, Duration.ofHours(1), Duration.ofHours(24),
            Duration.ofHours(24));

    /** Password reset requests per address bucket: 10 in a day, then none for 15, 30 ... minutes, at most a day. */
    static final ThrottlePolicy RESET_PER_ADDRESS = new ThrottlePolicy(10, Duration.ofMinutes(15), Duration.ofHours(24),
            Duration.ofHours(24));

    Duration lockoutAfter(int failures) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = failures - threshold;
        if (doublings >= 31) {
            return maximumLockout;
        }
        Duration window = firstLockout.multipliedBy(1L << doublings);
        return window.compareTo(maximumLockout) > 0 ? maximumLockout : window;
    }
}
