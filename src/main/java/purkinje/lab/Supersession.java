package purkinje.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "A newer request supersedes an older one": each browser tab (its {@code client} id) has a
 * generation counter; a request takes the next generation, and an older request of the same tab
 * learns at its next check that it is superseded and stops (its simulation is interrupted). Tabs
 * do not supersede each other. Only the most recent tabs are remembered (a bounded map).
 */
final class Supersession {
    /** Thrown inside a superseded request. */
    static final class Superseded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Superseded() {
            super("superseded by a newer request", null, false, false);
        }
    }

    private static final int MAX_CLIENTS = 256;

    private final Map<String, Ticket> latest = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ticket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** One request's place in its tab's sequence. */
    final class Ticket {
        private final String client;
        private Thread runner;
        private boolean superseded;

        private Ticket(String client) {
            this.client = client;
        }

        /** Throws {@link Superseded} if a newer request of the same tab has arrived. */
        void check() {
            synchronized (Supersession.this) {
                if (superseded) {
                    throw new Superseded();
                }
            }
        }

        /** Runs {@code work} on this thread so that a newer request can interrupt it. */
        <T> T interruptibly(java.util.function.Supplier<T> work) {
            synchronized (Supersession.this) {
                check();
                runner = Thread.currentThread();
            }
            try {
                return work.get();
            } catch (RuntimeException e) {
                synchronized (Supersession.this) {
                    if (superseded) {
                        throw new Superseded();
                    }
                }
                throw e;
            } finally {
                synchronized (Supersession.this) {
                    runner = null;
                    Thread.interrupted(); // an interrupt that came after the work finished must not leak
                }
            }
        }

        String client() {
            return client;
        }
    }

    /** A new request of tab {@code client}: every older request of that tab is superseded. */
    synchronized Ticket begin(String client) {
        Ticket t = new Ticket(client);
        Ticket old = latest.put(client, t);
        if (old != null) {
            old.superseded = true;
            if (old.runner != null) {
                old.runner.interrupt();
            }
        }
        return t;
    }
}
