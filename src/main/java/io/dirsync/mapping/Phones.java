package io.dirsync.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/** Phone numbers to E.164 with libphonenumber. */
final class Phones {
  private Phones() {}

  static boolean isKnownRegion(String region) {
    return PhoneNumberUtil.getInstance().getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
  }

  /**
   * {@code +86 138 0013 8000} → {@code +8613800138000}; numbers without a country code are read as
   * numbers of {@code defaultRegion} (null: they must carry one).
   */
  static String toE164(String text, String defaultRegion) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    String region = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
    try {
      PhoneNumber number = util.parse(text, region);
      if (!util.isPossibleNumber(number)) {
        throw new MappingFailure(MappingFailure.quote(text) + " is not a possible phone number");
      }
      return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new MappingFailure(MappingFailure.quote(text) + " is not a phone number ("
          + e.getMessage().toLowerCase(Locale.ROOT).replaceAll("[.\\s]+$", "") + ")");
    }
  }
}
