package dev.dualauth.session;

/**
 * How many pre-login sessions this node may still make: at most {@code limit} within any window of
 * {@code windowMillis}. The container ends a pre-login session {@link SessionGate#PRE_LOGIN_SECONDS}
 * after its last use, and the gate at its first use once it is that old, however often it is used: none
 * lives longer than twice that, so a window of twice that covers every pre-login session still alive, and
 * counting those made in the window bounds the live ones. The window is a ring of buckets; each call
 * costs one pass over them.
 */
final class PreLoginBudget {

    private static final int BUCKETS = 30;

    private final int limit;
    private final long bucketMillis;
    /** For each slot, the number of the bucket it counts (time / bucketMillis), and the count. */
    private final long[] bucketOf = new long[BUCKETS];
    private final int[] counts = new int[BUCKETS];

    PreLoginBudget(int limit, long windowMillis) {
        this.limit = limit;
        this.bucketMillis = Math.max(1, windowMillis / BUCKETS);
        java.util.Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    /** Takes one pre-login session from the budget at {@code nowMillis}; false, taking nothing, if none is left. */
    synchronized boolean tryTake(long nowMillis) {
        long bucket = nowMillis / bucketMillis;
        int total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketOf[i] > bucket - BUCKETS) {
                total += counts[i];
            }
        }
        if (total >= limit) {
            return false;
        }
        int slot = (int) Math.floorMod(bucket, (long) BUCKETS);
        if (bucketOf[slot] != bucket) {
            bucketOf[slot] = bucket;
            counts[slot] = 0;
        }
        counts[slot]++;
        return true;
    }
}
