package dev.dualauth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreLoginBudgetTest {

    static final long WINDOW = 660_000;

    @Test
    void atMostTheLimitWithinTheWindowThenRoomAgainAsTheWindowMoves() {
        PreLoginBudget budget = new PreLoginBudget(100, WINDOW);
        long start = 1_000_000_000L;
        int taken = 0;
        for (int i = 0; i < 150; i++) {
            if (budget.tryTake(start + i * 1_000L)) { // one a second: all within the window
                taken++;
            }
        }
        assertEquals(100, taken);
        assertFalse(budget.tryTake(start + 600_000), "ten minutes later the first ones still count");
        assertTrue(budget.tryTake(start + WINDOW + 150_000), "once they have left the window, there is room");
    }

    @Test
    void noneAtAllWithALimitOfZero() {
        assertFalse(new PreLoginBudget(0, WINDOW).tryTake(0));
    }

    @Test
    void everythingMadeInTheLastTenMinutesCounts() {
        PreLoginBudget budget = new PreLoginBudget(2, WINDOW);
        long t = 7_777_777L;
        assertTrue(budget.tryTake(t));
        assertTrue(budget.tryTake(t + 599_000));
        assertFalse(budget.tryTake(t + 599_500), "the first is 600 s old: its session may still be alive");
    }
}
