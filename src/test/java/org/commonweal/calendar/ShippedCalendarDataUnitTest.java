package org.commonweal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped calendar must be exactly the shared reference, so nobody edits one copy only. */
class ShippedCalendarDataUnitTest {

    private static final String REFERENCE = "shared/reference/calendar/cn-official-calendar.json";

    @Test
    void classpathCopyIsByteIdenticalToSharedReference() throws IOException {
        byte[] shipped;
        try (InputStream in = getClass().getResourceAsStream(CalendarFixtures.RESOURCE)) {
            assertThat(in).as("classpath resource %s", CalendarFixtures.RESOURCE).isNotNull();
            shipped = in.readAllBytes();
        }
        assertThat(shipped).isEqualTo(Files.readAllBytes(referenceFile()));
    }

    // The app root has shared/ as a sibling (../shared); a scratch checkout sits one level deeper.
    private static Path referenceFile() {
        Path workingDirectory = Path.of(System.getProperty("user.dir"));
        List<Path> candidates = List.of(
                workingDirectory.resolve("../" + REFERENCE).normalize(),
                workingDirectory.resolve("../../" + REFERENCE).normalize());
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseGet(() -> fail("reference calendar not found; looked at " + candidates));
    }
}
