package uk.org.safeguard.privacy.internal;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Registers Tink's primitives (hundreds of classes) on a background thread as soon as the application
 * starts, while the main thread parses the configuration, instead of on the main thread when the master
 * key is first opened. Registered in {@code META-INF/spring.factories}.
 */
class TinkWarmUp implements ApplicationListener<ApplicationStartingEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        Thread thread = new Thread(TinkWarmUp::load, "tink-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            Class.forName(Tink.class.getName(), true, TinkWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // The main thread will load it (and report any problem) when it opens the master key.
        }
    }
}
