package io.dirsync.ops;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** {@code %maskedEx} in logback.xml: the stack trace with secrets in exception messages blanked. */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return Masking.mask(super.throwableProxyToString(proxy));
  }
}
