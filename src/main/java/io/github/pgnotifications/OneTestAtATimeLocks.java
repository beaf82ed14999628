package io.github.pgnotifications;

import io.github.pgnotifications.internal.junit.OneTestAtATime;

/** The lock provider {@code @PgNotifications} names: the internal one, told which classes carry the annotation. */
final class OneTestAtATimeLocks extends OneTestAtATime {

    OneTestAtATimeLocks() {
        super(AnnotationReader::isAnnotated);
    }
}
