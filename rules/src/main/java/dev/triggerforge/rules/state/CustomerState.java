package dev.triggerforge.rules.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a session remembers about one customer between events: the open cart, repeat streaks and pending
 * waits, in plain Java so an active customer costs a few hundred bytes instead of the Drools bookkeeping a fact
 * per item would cost.
 */
public final class CustomerState {

    private Cart cart;
    private List<Streak> streaks;
    private List<Wait> waits;

    public Cart cart() {
        return cart;
    }

    public void openCart(Cart opened) {
        cart = opened;
    }

    public void closeCart() {
        cart = null;
    }

    /** The streak of a trigger for a subject, created on first use. */
    public Streak streak(String triggerId, String subject, java.util.function.Supplier<Streak> create) {
        if (streaks == null) {
            streaks = new ArrayList<>(2);
        }
        for (Streak s : streaks) {
            if (s.getTriggerId().equals(triggerId) && s.getSubject().equals(subject)) {
                return s;
            }
        }
        Streak s = create.get();
        streaks.add(s);
        return s;
    }

    public void removeStreak(Streak streak) {
        if (streaks != null) {
            streaks.remove(streak);
            if (streaks.isEmpty()) {
                streaks = null;
            }
        }
    }

    /** The pending wait of a trigger for a subject, or null. */
    public Wait wait(String triggerId, String subject) {
        if (waits != null) {
            for (Wait w : waits) {
                if (w.getTriggerId().equals(triggerId) && w.getSubject().equals(subject)) {
                    return w;
                }
            }
        }
        return null;
    }

    /** Every pending wait of a trigger. */
    public List<Wait> waitsOf(String triggerId) {
        if (waits == null) {
            return List.of();
        }
        List<Wait> found = new ArrayList<>(1);
        for (Wait w : waits) {
            if (w.getTriggerId().equals(triggerId)) {
                found.add(w);
            }
        }
        return found;
    }

    /** A copy of every pending wait, safe to end while iterating. */
    public List<Wait> allWaits() {
        return waits == null ? List.of() : List.copyOf(waits);
    }

    public void addWait(Wait w) {
        if (waits == null) {
            waits = new ArrayList<>(2);
        }
        waits.add(w);
    }

    public void removeWait(Wait w) {
        if (waits != null) {
            waits.remove(w);
            if (waits.isEmpty()) {
                waits = null;
            }
        }
    }

    public int pendingWaits() {
        return waits == null ? 0 : waits.size();
    }

    /** Forgets an idle cart past its retention and streaks whose window has passed. */
    public void sweep(long now) {
        if (cart != null && cart.getRetainUntil() <= now) {
            cart = null;
        }
        if (streaks != null) {
            streaks.removeIf(s -> s.getExpiresAt() <= now);
            if (streaks.isEmpty()) {
                streaks = null;
            }
        }
    }

    public boolean isEmpty() {
        return cart == null && streaks == null && waits == null;
    }
}
