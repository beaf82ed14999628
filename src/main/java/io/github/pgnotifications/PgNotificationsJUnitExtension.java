package io.github.pgnotifications;

import io.github.pgnotifications.internal.junit.PgNotificationsExtension;

/** The extension {@code @PgNotifications} registers: the internal one, told how to read the annotation. */
final class PgNotificationsJUnitExtension extends PgNotificationsExtension {

    PgNotificationsJUnitExtension() {
        super(AnnotationReader::find);
    }
}
