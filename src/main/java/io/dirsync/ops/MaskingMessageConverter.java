package io.dirsync.ops;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedMsg} in logback.xml: the formatted message with secrets blanked ({@link Masking}). */
public final class MaskingMessageConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Masking.mask(event.getFormattedMessage());
  }
}
