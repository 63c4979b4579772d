package io.dirsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Which exceptions hide a fatal JVM error, so that the run still ends with exit 70 (FatalExitTest runs one). */
class FatalCauseTest {

  @Test
  void anOutOfMemoryErrorAddedToItselfAsSuppressedIsStillFound() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    IllegalArgumentException selfSuppression = null;
    try {
      oom.addSuppressed(oom); // what try-with-resources does when body and close() throw the JVM's one preallocated error
    } catch (IllegalArgumentException e) {
      selfSuppression = e;
    }
    assertThat(selfSuppression).isNotNull();
    assertThat(FatalErrors.fatalCause(selfSuppression)).isSameAs(oom);
  }

  @Test
  void wrappedJvmErrorsAreFoundAndOrdinaryFailuresAreNot() {
    StackOverflowError overflow = new StackOverflowError();
    assertThat(FatalErrors.fatalCause(new ExecutionException(new RuntimeException(overflow)))).isSameAs(overflow);
    assertThat(FatalErrors.fatalCause(new UncheckedIOException(new java.io.IOException("disk full")))).isNull();
    assertThat(FatalErrors.fatalCause(new IllegalStateException(new AssertionError("not a JVM error")))).isNull();
    assertThat(FatalErrors.fatalCause(null)).isNull();
  }
}
